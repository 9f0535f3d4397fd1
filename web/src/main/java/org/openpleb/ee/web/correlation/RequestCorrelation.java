package org.openpleb.ee.web.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the request the current thread handles, carried in the thread's name.
 *
 * <p>While a request is handled its thread is named {@code <own name>}{@value #MARK}{@code <id>}.
 * Every log record captures its thread, so Payara's text format shows the id in {@code _ThreadName}
 * and the launcher's JSON format ({@code OPENPLEB_LOG_FORMAT=json}) gives it its own {@code
 * correlationId} field. A thread name is visible to every class loader of the server, including the
 * JVM's log manager, which cannot see this application's classes.
 *
 * <p>A client or proxy may choose the id ({@code X-Request-Id}); anything but 1 to 64 letters,
 * digits, dots, underscores and dashes is replaced by a fresh random id, so a header can never
 * forge or break a log line.
 */
public final class RequestCorrelation {

  /** Separates a thread's own name from the id; the JSON log formatter splits on the same text. */
  public static final String MARK = " cid=";

  /** The request and response header that carries the id. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestCorrelation() {}

  /** The id to use for a request that sent {@code header} (null when it sent none). */
  public static String choose(String header) {
    if (header != null && WELL_FORMED.matcher(header).matches()) {
      return header;
    }
    return UUID.randomUUID().toString();
  }

  /**
   * Marks the current thread with {@code id} until the returned scope is closed, which restores the
   * name the thread had before.
   */
  public static Scope enter(String id) {
    Thread thread = Thread.currentThread();
    String before = thread.getName();
    thread.setName(ownName(before) + MARK + id);
    return () -> thread.setName(before);
  }

  /** The id of the request the current thread handles, if it handles one. */
  public static Optional<String> current() {
    String name = Thread.currentThread().getName();
    int mark = name.lastIndexOf(MARK);
    return mark < 0 ? Optional.empty() : Optional.of(name.substring(mark + MARK.length()));
  }

  private static String ownName(String name) {
    int mark = name.lastIndexOf(MARK);
    return mark < 0 ? name : name.substring(0, mark);
  }

  /** The time a thread carries a correlation id; closing it never throws. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
