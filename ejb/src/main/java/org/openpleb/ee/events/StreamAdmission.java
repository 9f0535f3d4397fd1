package org.openpleb.ee.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Who may open another event stream. Four counts are kept: all streams (at most {@code
 * maxClients}), anonymous streams (at most {@code maxAnonymous}, below {@code maxClients}, so the
 * rest is reserved for signed-in users and no number of anonymous streams can starve them),
 * anonymous streams per client address (at most {@code maxPerAddress}, so one host cannot take the
 * anonymous share alone) and streams per session (at most {@code maxPerSession}, so one session
 * cannot take the reserve alone).
 *
 * <p>A full shared cap answers 503 EVENT_STREAM_LIMIT, a client over its own share 429
 * TOO_MANY_REQUESTS; both with a Retry-After. All counting happens under one lock: opening a stream
 * is rare next to sending events, and exact counts matter more than contention here.
 */
public final class StreamAdmission {

  /**
   * The caps.
   *
   * @param maxClients the most streams at once
   * @param maxAnonymous the most anonymous streams at once, below {@code maxClients}
   * @param maxPerAddress the most anonymous streams of one client address
   * @param maxPerSession the most streams of one session
   * @param retryAfter what a refused client is told to wait
   */
  public record Caps(
      int maxClients, int maxAnonymous, int maxPerAddress, int maxPerSession, Duration retryAfter) {

    /**
     * Requires positive caps, and no anonymous cap above the total one (the settings' check keeps
     * it below, so the difference is reserved).
     */
    public Caps {
      if (maxClients < 1 || maxAnonymous < 1 || maxPerAddress < 1 || maxPerSession < 1) {
        throw new IllegalArgumentException("every stream cap must be at least 1");
      }
      if (maxAnonymous > maxClients) {
        throw new IllegalArgumentException(
            "maxAnonymous (" + maxAnonymous + ") must not exceed maxClients (" + maxClients + ")");
      }
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Only a total cap: every other cap equals it (tests of the delivery that ignore shares). */
    public static Caps total(int maxClients, Duration retryAfter) {
      return new Caps(maxClients, maxClients, maxClients, maxClients, retryAfter);
    }
  }

  /** A stream admitted: what to give back when it closes. */
  public static final class Ticket {
    private final String addressKey;
    private final String sessionId;
    private boolean released;

    private Ticket(String addressKey, String sessionId) {
      this.addressKey = addressKey;
      this.sessionId = sessionId;
    }

    /** Whether the stream is signed in. */
    public boolean signedIn() {
      return sessionId != null;
    }
  }

  private final Caps caps;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final Map<String, Integer> perSession = new HashMap<>();
  private int total;
  private int anonymous;

  /** Admission under {@code caps}. */
  public StreamAdmission(Caps caps) {
    this.caps = Objects.requireNonNull(caps, "caps");
  }

  /**
   * Admits a stream or refuses it.
   *
   * @param addressKey the client's {@code ClientAddress.limitKey()}
   * @param sessionId the stream's session, or null for an anonymous stream
   * @throws EventStreamLimitException 429 over the client's own share, 503 when a shared cap is
   *     full
   */
  public synchronized Ticket admit(String addressKey, String sessionId) {
    Objects.requireNonNull(addressKey, "addressKey");
    // shared caps first: when the server is full, that is the answer, whoever asks
    if (total >= caps.maxClients()) {
      throw refused(
          ProblemCode.EVENT_STREAM_LIMIT,
          "This server already serves its limit of "
              + caps.maxClients()
              + " event streams; retry later.");
    }
    if (sessionId == null) {
      if (anonymous >= caps.maxAnonymous()) {
        throw refused(
            ProblemCode.EVENT_STREAM_LIMIT,
            "This server already serves its limit of "
                + caps.maxAnonymous()
                + " anonymous event streams; retry later or sign in.");
      }
      if (perAddress.getOrDefault(addressKey, 0) >= caps.maxPerAddress()) {
        throw refused(
            ProblemCode.TOO_MANY_REQUESTS,
            "This address already has its limit of "
                + caps.maxPerAddress()
                + " anonymous event streams; close one or sign in.");
      }
    } else if (perSession.getOrDefault(sessionId, 0) >= caps.maxPerSession()) {
      throw refused(
          ProblemCode.TOO_MANY_REQUESTS,
          "This session already has its limit of "
              + caps.maxPerSession()
              + " event streams; close one first.");
    }
    total++;
    if (sessionId == null) {
      anonymous++;
      perAddress.merge(addressKey, 1, Integer::sum);
    } else {
      perSession.merge(sessionId, 1, Integer::sum);
    }
    return new Ticket(addressKey, sessionId);
  }

  /** Gives a stream's slots back; a second call for the same ticket does nothing. */
  public synchronized void release(Ticket ticket) {
    if (ticket.released) {
      return;
    }
    ticket.released = true;
    total--;
    if (ticket.sessionId == null) {
      anonymous--;
      decrement(perAddress, ticket.addressKey);
    } else {
      decrement(perSession, ticket.sessionId);
    }
  }

  /** The number of admitted streams. */
  public synchronized int total() {
    return total;
  }

  /** The number of admitted anonymous streams. */
  public synchronized int anonymous() {
    return anonymous;
  }

  private static void decrement(Map<String, Integer> counts, String key) {
    // an entry that reaches zero is removed: the maps hold only keys with open streams
    counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  private EventStreamLimitException refused(ProblemCode code, String message) {
    return new EventStreamLimitException(code, message, caps.retryAfter());
  }
}
