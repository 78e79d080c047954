/**
 * The platform's values and stored entities: accounts, API tokens, roles, and the configured names
 * every component shares ({@code SourceName}, {@code BrokerName}, {@code Upstream}; the launcher
 * packs the two enums and reads them too), and the status cards components put on the dashboard.
 * Plain values: no CDI, no other component.
 */
package org.tickerdesk.platform.entity;
