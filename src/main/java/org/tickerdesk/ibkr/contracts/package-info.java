/**
 * Contracts at IB: mapping Tickerdesk's contracts to IB's and back, the contract-details request
 * and {@code IbkrContracts}, the lookup behind instruments' {@code ContractLookup} SPI. Stands on
 * {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.contracts;
