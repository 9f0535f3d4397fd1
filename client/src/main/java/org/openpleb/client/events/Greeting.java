package org.openpleb.client.events;

/**
 * The data of the {@code connected} event every stream starts with.
 *
 * @param authenticated true when the stream also carries the caller's trade events
 * @param heartbeatSeconds the heartbeat period; hearing nothing for longer, reconnect
 */
public record Greeting(boolean authenticated, long heartbeatSeconds) {}
