/**
 * What tests of several components share and that belongs to none of them: a clock the test moves
 * by hand, a leadership the test sets.
 */
package org.tickerdesk.testing;
