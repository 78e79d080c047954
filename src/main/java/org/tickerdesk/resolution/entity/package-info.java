/**
 * Resolution's values: what an instrument settled at and how that was determined, and the stored
 * resolution of each instrument, awaiting or resolved.
 */
package org.tickerdesk.resolution.entity;
