package org.openpleb.ee.web.events;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openpleb.ee.events.EventClient;
import org.openpleb.ee.events.LiveEvent;
import org.openpleb.ee.events.StreamOwner;

/**
 * A client's JAX-RS event sink as the live-event hub sees it. Each event goes out with its id, its
 * name and its JSON text as data; a heartbeat is an SSE comment line, which EventSource clients
 * ignore.
 */
final class SseEventClient implements EventClient {

  static final String HEARTBEAT_COMMENT = "heartbeat";

  private final SseEventSink sink;
  private final Sse sse;
  private final StreamOwner owner;
  private final String addressKey;

  SseEventClient(SseEventSink sink, Sse sse, StreamOwner owner, String addressKey) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.sse = Objects.requireNonNull(sse, "sse");
    this.owner = owner;
    this.addressKey = Objects.requireNonNull(addressKey, "addressKey");
  }

  @Override
  public String addressKey() {
    return addressKey;
  }

  @Override
  public Optional<StreamOwner> owner() {
    return Optional.ofNullable(owner);
  }

  @Override
  public CompletionStage<?> send(LiveEvent event) {
    // the data is JSON text already: written as a plain string, so it is not encoded twice
    OutboundSseEvent outbound =
        sse.newEventBuilder()
            .id(Long.toString(event.id()))
            .name(event.name())
            .data(event.data())
            .build();
    return write(outbound);
  }

  @Override
  public CompletionStage<?> heartbeat() {
    return write(sse.newEventBuilder().comment(HEARTBEAT_COMMENT).build());
  }

  @Override
  public boolean isClosed() {
    return sink.isClosed();
  }

  @Override
  public void close() {
    try {
      sink.close();
    } catch (RuntimeException e) {
      // already closed by the container or the client; nothing left to release
    }
  }

  private CompletionStage<?> write(OutboundSseEvent event) {
    try {
      return sink.send(event);
    } catch (RuntimeException e) {
      // a closed sink throws instead of failing the stage
      return CompletableFuture.failedFuture(e);
    }
  }
}
