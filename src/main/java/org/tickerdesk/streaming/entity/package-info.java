/**
 * The WebSocket protocol's values: requests, ops, stream names, error codes, rejections and why a
 * connection is closed. Plain values, no WebSocket API.
 */
package org.tickerdesk.streaming.entity;
