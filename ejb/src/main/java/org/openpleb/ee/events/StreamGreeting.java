package org.openpleb.ee.events;

/**
 * The data of the {@code connected} event every stream starts with: whether the stream receives the
 * caller's private trade events, and how often to expect a heartbeat.
 *
 * @param authenticated true when the stream was opened with a live session's bearer token
 * @param heartbeatSeconds the heartbeat period; a client that hears nothing for longer reconnects
 */
public record StreamGreeting(boolean authenticated, long heartbeatSeconds) {}
