/**
 * The tasks' logic. {@link org.tickerdesk.tasks.control.ScheduledTask} is what a component
 * implements to have a job run on a schedule and shown in the tasks console; the registry finds
 * them, the runner runs them (never overlapping, within their time limits) and the store keeps
 * their settings, counters and recent runs.
 */
package org.tickerdesk.tasks.control;
