/**
 * What tests of several components share and that belongs to none of them: a clock the test moves
 * by hand.
 */
package org.tickerdesk.testing;
