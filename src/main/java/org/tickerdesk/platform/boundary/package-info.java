/**
 * How the world reaches the platform: the JAX-RS application, form login and bearer-token
 * authentication, the database readiness check and the mapper for malformed JSON. Owns no logic of
 * its own; it must not reach another component.
 */
package org.tickerdesk.platform.boundary;
