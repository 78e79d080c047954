/**
 * The admin's logic: the one status board of this server, which reads the broker and every
 * component's {@code StatusContribution} once per period and keeps the snapshot all dashboards
 * show. No Faces, no push: the boundary renders and pushes what it holds.
 */
package org.tickerdesk.admin.control;
