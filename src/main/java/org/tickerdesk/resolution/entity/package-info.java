/** Resolution's values: what an instrument settled at, and how that was determined. */
package org.tickerdesk.resolution.entity;
