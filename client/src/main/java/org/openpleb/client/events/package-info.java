/**
 * The live event stream: the order book's changes for everyone, and with a session's token also the
 * caller's own trade changes, as server-sent events.
 */
package org.openpleb.client.events;
