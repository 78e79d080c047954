/**
 * Tasks: the registry of every scheduled job of Tickerdesk. Components contribute their jobs as
 * {@code ScheduledTask} beans; this component runs them on non-persistent EJB timers, never two
 * runs of one task at once, each within its time limit, and keeps each task's settings and run
 * history in PostgreSQL, so a pause or a new interval outlives a restart.
 */
package org.tickerdesk.tasks;
