package org.openpleb.ee.web.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client's view of an open text/event-stream: a reader thread parses the lines into frames (an
 * event with its name, id and data, or a comment), and the test takes them in order with a bounded
 * wait.
 */
final class SseStream implements AutoCloseable {

  /** One parsed frame; {@code comment} is set for comment lines, the rest for events. */
  record Frame(String event, String id, String data, String comment, boolean end) {
    boolean isComment() {
      return comment != null;
    }
  }

  private static final Frame END = new Frame(null, null, null, null, true);

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final Thread reader;

  SseStream(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  HttpResponse<InputStream> response() {
    return response;
  }

  /** The next event, skipping heartbeats; fails after {@code timeout} or at the stream's end. */
  Frame nextEvent(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("no event within " + timeout);
      }
      if (frame.end()) {
        throw new AssertionError("the stream ended");
      }
      if (!frame.isComment()) {
        return frame;
      }
    }
  }

  /** The next comment line, skipping events; fails after {@code timeout}. */
  Frame nextComment(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("no comment within " + timeout);
      }
      if (frame.end()) {
        throw new AssertionError("the stream ended");
      }
      if (frame.isComment()) {
        return frame;
      }
    }
  }

  /** Waits until the server ends the stream, skipping whatever comes before. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("the stream did not end within " + timeout);
      }
      if (frame.end()) {
        return;
      }
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      String id = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null || event != null) {
            frames.add(new Frame(event, id, data == null ? null : data.toString(), null, false));
          }
          event = null;
          id = null;
          data = null;
        } else if (line.startsWith(":")) {
          frames.add(new Frame(null, null, null, line.substring(1).trim(), false));
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          String value = line.substring(5);
          value = value.startsWith(" ") ? value.substring(1) : value;
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (IOException e) {
      // closed by the test, or the server went away: either way the stream ended
    } finally {
      frames.add(END);
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // already closed
    }
  }
}
