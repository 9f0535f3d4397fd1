package org.openpleb.launch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log record and line, for log shippers ({@code OPENPLEB_LOG_FORMAT=json}):
 * {@code time} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code
 * correlationId} (only on lines logged while a request was handled), {@code message} (parameters
 * filled in) and {@code thrown} (the stack trace as one string, only when there is one).
 *
 * <p>The correlation id comes from the logging thread's name: the web layer's request filter
 * appends {@value #MARK}{@code <id>} to the name of the thread that handles a request and restores
 * it afterwards. A thread name is the one thing every class loader of the server can see, so no
 * class of the application has to be visible to the JVM's log manager. The record is formatted on
 * the thread that logged it because Payara Micro's console handler is the JDK's synchronous one.
 */
public final class JsonLogFormatter extends Formatter {

  /** What separates a thread's own name from the correlation id appended to it. */
  public static final String MARK = " cid=";

  @Override
  public String format(LogRecord record) {
    StringBuilder json = new StringBuilder(256).append('{');
    field(json, "time", Instant.ofEpochMilli(record.getMillis()).toString());
    json.append(',');
    field(json, "level", record.getLevel().getName());
    json.append(',');
    field(json, "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
    String thread = Thread.currentThread().getName();
    int mark = thread.lastIndexOf(MARK);
    json.append(',');
    field(json, "thread", mark < 0 ? thread : thread.substring(0, mark));
    if (mark >= 0) {
      json.append(',');
      field(json, "correlationId", thread.substring(mark + MARK.length()));
    }
    json.append(',');
    field(json, "message", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      json.append(',');
      field(json, "thrown", trace.toString());
    }
    return json.append('}').append(System.lineSeparator()).toString();
  }

  @Override
  public synchronized String formatMessage(LogRecord record) {
    String message = super.formatMessage(record);
    return message == null ? "" : message;
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
