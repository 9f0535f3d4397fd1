/**
 * The live event stream over HTTP: {@code GET /api/events} as server-sent events, open to anyone
 * for the order book and, with a session's bearer token, carrying that user's private trade events
 * too. Refusals (a bad token, the stream cap) are problem+json like every other error.
 */
package org.openpleb.ee.web.events;
