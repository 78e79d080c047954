/**
 * The platform: what every other component stands on. Schema migrations run before anything touches
 * the database; configuration comes through MicroProfile Config; security (form login for the
 * admin, bearer tokens for the REST API) and health checks live here too.
 */
package org.tickerdesk.platform;
