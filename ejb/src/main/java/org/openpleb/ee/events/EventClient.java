package org.openpleb.ee.events;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A connected client's event stream as the hub sees it: whom it belongs to, and how to write an
 * event or a heartbeat to it. The web layer adapts a JAX-RS {@code SseEventSink}; tests use fakes.
 * The hub calls {@link #send} and {@link #heartbeat} from one thread at a time per client.
 */
public interface EventClient {

  /** The session the stream was opened with, or empty for an anonymous stream. */
  Optional<StreamOwner> owner();

  /**
   * The key the client's address is counted under ({@code ClientAddress.limitKey()}), for the cap
   * on anonymous streams per address.
   */
  String addressKey();

  /** Writes an event; the stage completes when it is written and fails when the client is gone. */
  CompletionStage<?> send(LiveEvent event);

  /** Writes a comment line that keeps the connection alive and reveals a dead client. */
  CompletionStage<?> heartbeat();

  /** Whether the stream is known to be closed. */
  boolean isClosed();

  /** Ends the stream; must not throw and may be called more than once. */
  void close();
}
