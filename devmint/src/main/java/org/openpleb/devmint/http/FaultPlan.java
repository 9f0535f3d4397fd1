package org.openpleb.devmint.http;

import java.time.Duration;

/**
 * Faults armed by tests for the next /v1 requests: plain failures before anything happens, and
 * hangs or dropped connections after a mutating request committed.
 */
public final class FaultPlan {

  /** What happens to the response of a committed mutating request. */
  public sealed interface AfterCommit {}

  /** Answer normally. */
  public record Respond() implements AfterCommit {}

  /** Hold the response back this long. */
  public record Hang(Duration duration) implements AfterCommit {}

  /** Close the connection without answering. */
  public record Drop() implements AfterCommit {}

  private int failuresLeft;
  private AfterCommit afterCommit = new Respond();
  private Duration responseDelay = Duration.ZERO;

  public synchronized void failNext(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    failuresLeft = count;
  }

  public synchronized void commitThenHang(Duration hang) {
    afterCommit = new Hang(requireNonNegative(hang));
  }

  public synchronized void commitThenDrop() {
    afterCommit = new Drop();
  }

  public synchronized void responseDelay(Duration delay) {
    responseDelay = requireNonNegative(delay);
  }

  public synchronized void reset() {
    failuresLeft = 0;
    afterCommit = new Respond();
    responseDelay = Duration.ZERO;
  }

  /** Uses up one armed failure, if any. */
  synchronized boolean takeFailure() {
    if (failuresLeft > 0) {
      failuresLeft--;
      return true;
    }
    return false;
  }

  /** Uses up the armed after-commit fault, if any. */
  synchronized AfterCommit takeAfterCommit() {
    AfterCommit armed = afterCommit;
    afterCommit = new Respond();
    return armed;
  }

  synchronized Duration responseDelay() {
    return responseDelay;
  }

  private static Duration requireNonNegative(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    return duration;
  }
}
