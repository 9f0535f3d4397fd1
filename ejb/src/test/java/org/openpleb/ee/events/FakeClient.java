package org.openpleb.ee.events;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A client stream in memory: records what it was sent and can fail, stall or hang on demand. */
final class FakeClient implements EventClient {

  private final StreamOwner owner;
  volatile String addressKey = "192.0.2.1";
  final List<String> received = new CopyOnWriteArrayList<>();
  final List<LiveEvent> events = new CopyOnWriteArrayList<>();
  volatile boolean closed;
  volatile boolean gone;
  volatile boolean neverFinishes;
  volatile CountDownLatch gate = new CountDownLatch(0);

  FakeClient(StreamOwner owner) {
    this.owner = owner;
  }

  static FakeClient anonymous() {
    return new FakeClient(null);
  }

  @Override
  public Optional<StreamOwner> owner() {
    return Optional.ofNullable(owner);
  }

  @Override
  public String addressKey() {
    return addressKey;
  }

  @Override
  public CompletionStage<?> send(LiveEvent event) {
    return write(
        () -> {
          events.add(event);
          return event.name() + " " + event.data();
        });
  }

  @Override
  public CompletionStage<?> heartbeat() {
    return write(() -> ": heartbeat");
  }

  private CompletionStage<?> write(Supplier<String> line) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        return CompletableFuture.failedFuture(new IllegalStateException("never released"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
    if (closed) {
      throw new IllegalStateException("stream closed");
    }
    if (gone) {
      return CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));
    }
    if (neverFinishes) {
      return new CompletableFuture<>();
    }
    received.add(line.get());
    return CompletableFuture.completedFuture(null);
  }

  /** The names of the events received, heartbeats as ":". */
  List<String> names() {
    return received.stream()
        .map(line -> line.startsWith(":") ? ":" : line.split(" ", 2)[0])
        .toList();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
