/**
 * How the world reaches instruments: the {@code /api/v1/instruments} resource, the instruments
 * admin page and its forms, and the mappers that turn a refused instrument or lookup into an HTTP
 * answer, and the {@code front-month-roll} task. It calls the catalog and the roll; it holds no
 * rules of its own.
 */
package org.tickerdesk.instruments.boundary;
