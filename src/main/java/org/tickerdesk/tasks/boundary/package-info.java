/**
 * How the world reaches the tasks console: the scheduler (EJB timers and the actions), the REST
 * resource, the Tasks page, the metrics and the readiness check.
 */
package org.tickerdesk.tasks.boundary;
