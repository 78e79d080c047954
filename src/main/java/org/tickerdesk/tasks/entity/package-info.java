/**
 * The tasks' stored rows ({@link org.tickerdesk.tasks.entity.RegisteredTask}, {@link
 * org.tickerdesk.tasks.entity.TaskRun}), the values the console shows and the events it fires:
 * {@link org.tickerdesk.tasks.entity.TaskChanged} after every run and change, and {@link
 * org.tickerdesk.tasks.entity.TaskFailing} inside the transaction that records a task's N-th
 * failure in a row.
 */
package org.tickerdesk.tasks.entity;
