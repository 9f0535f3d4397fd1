/**
 * Live events: what the platform pushes to connected clients as offers change. The order book's
 * public changes go to everyone, a trade's private changes only to its maker's and taker's
 * sessions, and only after the change committed. Streams are capped, heartbeated so dead clients
 * are dropped, and fed through bounded queues so one slow client never holds up the others.
 */
package org.openpleb.ee.events;
