package org.openpleb.cashu.mint;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * An HTTP proxy in front of a mint that can rewrite the mint's answers, to show that the client
 * refuses what an honest mint would never send. Paths not registered pass through unchanged.
 */
final class TamperingProxy implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, UnaryOperator<String>> rewrites = new ConcurrentHashMap<>();
  private final String target;

  TamperingProxy(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Rewrites the answer body of every request whose path starts with {@code pathPrefix}. */
  void rewrite(String pathPrefix, UnaryOperator<String> body) {
    rewrites.put(pathPrefix, body);
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] requestBody = ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().toString();
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + path));
      if (ex.getRequestMethod().equals("POST")) {
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody));
      } else {
        b.GET();
      }
      HttpResponse<String> answer;
      try {
        answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      String body = answer.body();
      for (Map.Entry<String, UnaryOperator<String>> r : rewrites.entrySet()) {
        if (path.startsWith(r.getKey()) && answer.statusCode() == 200) {
          body = r.getValue().apply(body);
        }
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(answer.statusCode(), bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
