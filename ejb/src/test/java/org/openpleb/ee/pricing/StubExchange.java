package org.openpleb.ee.pricing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for an exchange's public API: answers scripted documents on 127.0.0.1, records
 * what was asked, and can hold an answer back to exercise deadlines. Never the internet.
 */
final class StubExchange implements AutoCloseable {

  /** A scripted answer. */
  record Answer(int status, String body, boolean hold) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<String> userAgents = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  StubExchange() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The base URL to configure a feed with. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code path} with {@code status} and the JSON {@code body}. */
  StubExchange answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body, false));
    return this;
  }

  /** Answers {@code path} only once the stub is closed, so a client's deadline passes first. */
  StubExchange hold(String path) {
    answers.put(path, new Answer(200, "{}", true));
    return this;
  }

  /** Every request received so far, path and query. */
  List<URI> requests() {
    return List.copyOf(requests);
  }

  /** The User-Agent of every request received so far. */
  List<String> userAgents() {
    return List.copyOf(userAgents);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestURI());
    userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
    Answer answer = answers.get(exchange.getRequestURI().getPath());
    try (exchange) {
      if (answer == null) {
        send(exchange, 404, "{\"error\":\"not found\"}");
        return;
      }
      if (answer.hold()) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      send(exchange, answer.status(), answer.body());
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
