package org.openpleb.client.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the server refused or failed, with the problem document's stable {@code code} to branch
 * on ({@code NOT_FOUND}, {@code CONFLICT}, {@code INSUFFICIENT_FUNDS} …), its title and detail, the
 * correlation id of an unexpected failure and how long to wait when the server said so in {@code
 * Retry-After}. An error answer that is not a problem document (a proxy's page, say) has no code.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;
  private final String detail;
  private final String instance;
  private final String correlationId;
  private final Duration retryAfter;

  /**
   * A refusal.
   *
   * @param status the HTTP status
   * @param problem the problem document, or {@code null} when the answer was not one
   * @param retryAfter the {@code Retry-After} delay, or {@code null} when the answer had none
   */
  public ProblemException(int status, Problem problem, Duration retryAfter) {
    super(message(status, problem));
    this.status = status;
    this.code = problem == null ? null : problem.code();
    this.title = problem == null ? null : problem.title();
    this.detail = problem == null ? null : problem.detail();
    this.instance = problem == null ? null : problem.instance();
    this.correlationId = problem == null ? null : problem.correlationId();
    this.retryAfter = retryAfter;
  }

  private static String message(int status, Problem problem) {
    if (problem == null) {
      return "HTTP " + status + " without a problem document";
    }
    StringBuilder text = new StringBuilder().append(status).append(' ').append(problem.code());
    if (problem.detail() != null) {
      text.append(": ").append(problem.detail());
    }
    if (problem.correlationId() != null) {
      text.append(" (correlation id ").append(problem.correlationId()).append(')');
    }
    return text.toString();
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable problem code, or {@code null} when the answer was not a problem document. */
  public String code() {
    return code;
  }

  /** The code's fixed human summary. */
  public String title() {
    return title;
  }

  /** What went wrong with this request, safe to show. */
  public String detail() {
    return detail;
  }

  /** The request path that failed. */
  public String instance() {
    return instance;
  }

  /** The id the server logged an unexpected failure under; empty for ordinary refusals. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** How long the server asked the client to wait before trying again, if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
