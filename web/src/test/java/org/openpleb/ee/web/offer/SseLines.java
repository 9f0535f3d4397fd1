package org.openpleb.ee.web.offer;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * An open server-sent event stream of the API, read line by line in the background, so a test can
 * wait (boundedly) for a line. Client-side only.
 */
final class SseLines implements AutoCloseable {

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final HttpRequest sent;

  SseLines(URL base, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve("api/events"))
            .header("Accept", "text/event-stream")
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    sent = request.build();
    response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .sendAsync(sent, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r -> {
          Thread reader = new Thread(() -> r.body().forEach(lines::add), "sse-reader");
          reader.setDaemon(true);
          reader.start();
        });
  }

  /** The status the stream was opened with. */
  int status() throws Exception {
    HttpResponse<Stream<String>> opened = response.get(10, TimeUnit.SECONDS);
    // A stream's body is not judged: its status and media type are.
    ContractCheck.verify(sent, opened, null);
    return opened.statusCode();
  }

  /** The first line to come that matches, waiting at most {@code timeout}. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && wanted.test(line)) {
        return line;
      }
    }
    throw new AssertionError("no such event arrived within " + timeout);
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
