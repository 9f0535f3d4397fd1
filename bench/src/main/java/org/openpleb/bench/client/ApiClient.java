package org.openpleb.bench.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.openpleb.bench.stats.LatencyRecorder;

/**
 * Calls the OpenPleb HTTP API and times every call. Each call names its endpoint (a label such as
 * {@code GET /api/offers}, ids left out) so latencies are grouped per endpoint; while a recorder is
 * attached every call lands in it, successes by latency and anything else as an error.
 *
 * <p>One HTTP/1.1 client with keep-alive connections serves all driver threads, as a pool of
 * browsers behind one proxy would.
 */
public final class ApiClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final HttpClient http;
  private final ExecutorService executor;
  private final AtomicReference<LatencyRecorder> recorder = new AtomicReference<>();

  /** A client for the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:18480}. */
  public ApiClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
  }

  /** The server's base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Sends every following call's latency to {@code next} (null: record nothing). */
  public void recordInto(LatencyRecorder next) {
    recorder.set(next);
  }

  /** GET {@code path}, optionally with a bearer token. */
  public ApiResponse get(String endpoint, String path, String bearer) {
    return send(endpoint, builder(path, bearer).GET().build());
  }

  /** POST {@code path} with a JSON body (null: no body), optionally with a bearer token. */
  public ApiResponse post(String endpoint, String path, String bearer, Object body) {
    return post(endpoint, path, bearer, body, Map.of());
  }

  /** POST with extra request headers (e.g. an Idempotency-Key). */
  public ApiResponse post(
      String endpoint, String path, String bearer, Object body, Map<String, String> headers) {
    HttpRequest.Builder b = builder(path, bearer);
    headers.forEach(b::header);
    b.header("Content-Type", "application/json");
    b.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : toJson(body)));
    return send(endpoint, b.build());
  }

  /** POST raw bytes of the given content type (e.g. a receipt image). */
  public ApiResponse postBytes(
      String endpoint, String path, String bearer, String contentType, byte[] bytes) {
    HttpRequest.Builder b = builder(path, bearer);
    b.header("Content-Type", contentType);
    b.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    return send(endpoint, b.build());
  }

  /** A request builder for {@code path} with the JSON Accept header and the bearer, if any. */
  public HttpRequest.Builder builder(String path, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  /**
   * GET {@code path} with the given Accept header, never recorded: the driver's own look at the
   * server (metrics, OpenAPI), which must not count as load.
   */
  public ApiResponse probe(String path, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", accept)
            .GET()
            .build();
    return exchange(null, null, request);
  }

  /** Sends a request built by the caller (PUT, DELETE, multipart, …) and times it. */
  public ApiResponse send(String endpoint, HttpRequest request) {
    return exchange(endpoint, recorder.get(), request);
  }

  private ApiResponse exchange(String endpoint, LatencyRecorder into, HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      ApiResponse answer =
          new ApiResponse(response.statusCode(), response.body(), nanos, parse(response.body()));
      if (into != null) {
        if (answer.ok()) {
          into.success(endpoint, nanos);
        } else {
          into.failure(endpoint);
        }
      }
      return answer;
    } catch (IOException e) {
      if (into != null) {
        into.failure(endpoint);
      }
      return new ApiResponse(0, "", System.nanoTime() - start, MissingNode.getInstance());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ApiResponse(0, "", System.nanoTime() - start, MissingNode.getInstance());
    }
  }

  /** Serializes a request body. */
  public static String toJson(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + body.getClass(), e);
    }
  }

  /** Parses JSON text, or a missing node when it is not JSON. */
  public static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "bench-http");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
