/** How the world sees the cluster: {@code GET /api/v1/cluster} and the readiness check. */
package org.tickerdesk.cluster.boundary;
