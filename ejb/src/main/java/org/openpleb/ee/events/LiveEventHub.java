package org.openpleb.ee.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connected event streams of this instance and the delivery of events to them, free of JAX-RS
 * so it can be tested in-process.
 *
 * <p>Each stream has its own bounded queue and at most one writer at a time on the shared executor,
 * so events reach a client in order and a slow client delays nobody else: a client whose queue
 * overflows, whose write fails or does not finish within the write timeout, or that leaves two
 * heartbeats unwritten is closed and its slot freed. The number of streams is capped ({@link
 * StreamAdmission}); authenticated streams end with their session.
 */
public final class LiveEventHub {

  private static final Logger LOG = Logger.getLogger(LiveEventHub.class.getName());

  /** Queued in place of an event to ask for a heartbeat; compared by identity. */
  private static final LiveEvent HEARTBEAT = new LiveEvent(0, "heartbeat", "");

  /** Why a stream was closed, as the metrics count it. */
  public enum Closing {
    /** A write failed or did not finish in time: the client has gone. */
    CLIENT_GONE,
    /** The client fell too far behind (queue full, or heartbeats left unwritten). */
    TOO_SLOW,
    /** The stream's session ended or expired. */
    SESSION_ENDED,
    /** The server is stopping. */
    SHUTDOWN
  }

  /** What the hub reports, e.g. to metrics. Must not throw; failures are logged and ignored. */
  public interface Listener {
    /** An event (not a heartbeat) was written to one client. */
    void sent(LiveEvent event);

    /** A stream was closed by the hub. */
    void closed(Closing why);
  }

  /**
   * The hub's limits.
   *
   * @param admission the caps on streams (total, anonymous, per address, per session)
   * @param queueLimit the most events waiting for one stream
   * @param writeTimeout how long one write may take before the client counts as gone
   */
  public record Limits(StreamAdmission.Caps admission, int queueLimit, Duration writeTimeout) {

    /** Requires positive limits. */
    public Limits {
      Objects.requireNonNull(admission, "admission");
      if (queueLimit < 1) {
        throw new IllegalArgumentException("queueLimit must be at least 1");
      }
      Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** Only a total cap of {@code maxClients} streams, shared by everyone. */
    public Limits(int maxClients, int queueLimit, Duration writeTimeout, Duration retryAfter) {
      this(StreamAdmission.Caps.total(maxClients, retryAfter), queueLimit, writeTimeout);
    }

    /** The most streams open at once. */
    public int maxClients() {
      return admission.maxClients();
    }

    /** What a refused client is told to wait. */
    public Duration retryAfter() {
      return admission.retryAfter();
    }
  }

  private final Executor executor;
  private final Limits limits;
  private final Listener listener;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final StreamAdmission admission;
  private final AtomicLong sequence = new AtomicLong();
  private final Object publishing = new Object();
  private volatile boolean shutDown;

  /** A hub that writes to clients on {@code executor}. */
  public LiveEventHub(Executor executor, Limits limits, Listener listener) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.admission = new StreamAdmission(limits.admission());
  }

  /**
   * Adds a client's stream and queues its greeting, the first event it receives.
   *
   * @throws EventStreamLimitException when a cap is reached (see {@link StreamAdmission}), or the
   *     hub stopped
   */
  public void open(EventClient client, String greetingName, String greetingData) {
    Objects.requireNonNull(client, "client");
    if (shutDown) {
      throw new EventStreamLimitException(limits.maxClients(), limits.retryAfter());
    }
    StreamAdmission.Ticket ticket =
        admission.admit(
            client.addressKey(), client.owner().map(StreamOwner::sessionId).orElse(null));
    Stream stream = new Stream(client, ticket);
    boolean accepted;
    synchronized (publishing) {
      // under the publishing lock the greeting is queued before any later event
      streams.add(stream);
      accepted = stream.offer(next(greetingName, greetingData));
    }
    if (!accepted) {
      close(stream, Closing.TOO_SLOW);
    }
  }

  /** Queues an event for every open stream in {@code audience}; returns the event. */
  public LiveEvent publish(Audience audience, String name, String data) {
    List<Stream> overflowed = new ArrayList<>(0);
    LiveEvent event;
    synchronized (publishing) {
      // numbering and queueing together: every stream receives events in increasing id order
      event = next(name, data);
      for (Stream stream : streams) {
        if (audience.includes(stream.pubkey()) && !stream.offer(event)) {
          overflowed.add(stream);
        }
      }
    }
    for (Stream stream : overflowed) {
      close(stream, Closing.TOO_SLOW);
    }
    return event;
  }

  /**
   * Asks every stream for a heartbeat and drops those that are gone, too slow, or whose session
   * expired before {@code now}.
   */
  public void heartbeat(Instant now) {
    for (Stream stream : streams) {
      if (stream.client.isClosed()) {
        close(stream, Closing.CLIENT_GONE);
      } else if (stream.expiredAt(now)) {
        close(stream, Closing.SESSION_ENDED);
      } else {
        stream.heartbeat();
      }
    }
  }

  /** Ends the streams of a session that ended, so its private events stop with its token. */
  public void closeSession(String sessionId) {
    for (Stream stream : streams) {
      if (stream.owner != null && stream.owner.sessionId().equals(sessionId)) {
        close(stream, Closing.SESSION_ENDED);
      }
    }
  }

  /** The number of open streams. */
  public int connected() {
    return admission.total();
  }

  /** Closes every stream and refuses new ones. */
  public void shutdown() {
    shutDown = true;
    for (Stream stream : streams) {
      close(stream, Closing.SHUTDOWN);
    }
  }

  private LiveEvent next(String name, String data) {
    return new LiveEvent(sequence.incrementAndGet(), name, data);
  }

  private void close(Stream stream, Closing why) {
    if (!streams.remove(stream)) {
      return;
    }
    stream.markClosed();
    admission.release(stream.ticket);
    try {
      stream.client.close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing an event stream failed", e);
    }
    LOG.log(Level.FINE, "Event stream closed: {0}", why);
    try {
      listener.closed(why);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Event listener failed", e);
    }
  }

  /** One client's stream: its queue and whether a writer is at work on it. */
  private final class Stream {

    final EventClient client;
    final StreamOwner owner;
    final StreamAdmission.Ticket ticket;

    // guarded by this
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    private boolean heartbeatQueued;
    private int heartbeatsMissed;

    Stream(EventClient client, StreamAdmission.Ticket ticket) {
      this.client = client;
      this.ticket = ticket;
      this.owner = client.owner().orElse(null);
    }

    String pubkey() {
      return owner == null ? null : owner.pubkey();
    }

    boolean expiredAt(Instant now) {
      return owner != null && !now.isBefore(owner.expiresAt());
    }

    synchronized void markClosed() {
      closed = true;
      queue.clear();
    }

    /**
     * Queues {@code event} and makes sure a writer runs; false when the queue is full and the
     * stream must be closed (by the caller, outside the publishing lock).
     */
    boolean offer(LiveEvent event) {
      boolean start;
      synchronized (this) {
        if (closed) {
          return true;
        }
        if (queue.size() >= limits.queueLimit()) {
          return false;
        }
        queue.add(event);
        start = !writing;
        writing = true;
      }
      if (start) {
        startWriting();
      }
      return true;
    }

    void heartbeat() {
      boolean stalled = false;
      boolean start = false;
      synchronized (this) {
        if (closed) {
          return;
        }
        if (heartbeatQueued) {
          // the last heartbeat has not been written within a whole period
          stalled = ++heartbeatsMissed >= 2;
        } else {
          heartbeatQueued = true;
          queue.add(HEARTBEAT);
          start = !writing;
          writing = true;
        }
      }
      if (stalled) {
        close(this, Closing.TOO_SLOW);
      } else if (start) {
        startWriting();
      }
    }

    private void startWriting() {
      try {
        executor.execute(this::write);
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          writing = false;
        }
        close(this, shutDown ? Closing.SHUTDOWN : Closing.TOO_SLOW);
      }
    }

    /** Writes queued events in order until the queue is empty; one writer per stream. */
    private void write() {
      while (true) {
        LiveEvent next;
        synchronized (this) {
          next = closed ? null : queue.poll();
          if (next == null) {
            writing = false;
            return;
          }
        }
        boolean heartbeat = next == HEARTBEAT;
        try {
          (heartbeat ? client.heartbeat() : client.send(next))
              .toCompletableFuture()
              .get(limits.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          finishWriting();
          close(this, Closing.SHUTDOWN);
          return;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
          finishWriting();
          close(this, Closing.CLIENT_GONE);
          return;
        }
        if (heartbeat) {
          synchronized (this) {
            heartbeatQueued = false;
            heartbeatsMissed = 0;
          }
        } else {
          try {
            listener.sent(next);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Event listener failed", e);
          }
        }
      }
    }

    private synchronized void finishWriting() {
      writing = false;
    }
  }
}
