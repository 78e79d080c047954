/**
 * The cluster's values: its members, the leader's token kept in the data grid, the view the API
 * shows and {@link org.tickerdesk.cluster.entity.LeadershipChanged}, fired whenever this instance
 * starts or stops leading.
 */
package org.tickerdesk.cluster.entity;
