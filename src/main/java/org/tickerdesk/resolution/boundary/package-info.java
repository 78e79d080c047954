/**
 * How the world reaches resolution: the resolution REST API, the Resolution admin page and the
 * scheduled resolution run the tasks console runs.
 */
package org.tickerdesk.resolution.boundary;
