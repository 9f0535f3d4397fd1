package org.openpleb.client;

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

/**
 * A stand-in server for the client's tests: answers each {@code "METHOD /path"} with a canned
 * answer shaped as the #13 contract says, and records every request it received.
 */
public final class CannedServer implements AutoCloseable {

  /** A canned answer. */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {

    /** A JSON answer. */
    public static Answer json(int status, String body) {
      return new Answer(status, "application/json", body, Map.of());
    }
  }

  /** A request as received. */
  public record Received(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public CannedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers {@code method path} with {@code answer} from now on. */
  public CannedServer on(String method, String path, Answer answer) {
    answers.put(method + " " + path, answer);
    return this;
  }

  /** The server's base URI. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Every request received, oldest first. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The last request received. */
  public Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, List<String>> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
    String path = exchange.getRequestURI().getRawPath();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            headers,
            body));
    Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
    if (answer == null) {
      answer =
          new Answer(
              404,
              "application/problem+json",
              "{\"type\":\"https://openpleb.org/problems/not-found\",\"title\":\"Not found\","
                  + "\"status\":404,\"detail\":\"nothing canned here\",\"instance\":\""
                  + path
                  + "\",\"code\":\"NOT_FOUND\"}",
              Map.of());
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] out =
        answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    }
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
