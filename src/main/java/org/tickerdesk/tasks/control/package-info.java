/**
 * The tasks' logic. {@link org.tickerdesk.tasks.control.ScheduledTask} is what a component
 * implements to have a job run on a schedule and shown in the tasks console.
 */
package org.tickerdesk.tasks.control;
