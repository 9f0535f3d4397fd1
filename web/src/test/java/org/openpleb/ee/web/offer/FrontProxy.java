package org.openpleb.ee.web.offer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped front proxy, {@code config/nginx/openpleb.conf} and its {@code openpleb.js}, run by
 * Debian's nginx in front of a test's server with only the two marked lines changed (where it
 * listens, where the server listens), so a test sends what the internet would send through what an
 * operator deploys. {@code bin/test} installs nginx and its two modules when they are missing.
 * Client-side only.
 */
final class FrontProxy implements AutoCloseable {

  private static final String LISTEN = "listen 127.0.0.1:8081;";
  private static final String BACKEND = "server 127.0.0.1:8080;";

  private final Process process;
  private final int port;
  private final Path log;

  private FrontProxy(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts nginx with the shipped configuration in front of {@code backend} and waits until it
   * passes {@code GET /api/info} through.
   */
  static FrontProxy start(URL backend, Path workDir) throws Exception {
    Path shipped = Path.of(System.getProperty("user.dir")).resolve("../config/nginx").normalize();
    String config = Files.readString(shipped.resolve("openpleb.conf"));
    if (!config.contains(LISTEN) || !config.contains(BACKEND)) {
      throw new IllegalStateException("the shipped front configuration lost its marked lines");
    }
    String nginx =
        List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").stream()
            .filter(p -> Files.isExecutable(Path.of(p)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "nginx is not installed; bin/test installs Debian's nginx-light"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path prefix = Files.createDirectories(workDir);
    Files.writeString(
        prefix.resolve("openpleb.conf"),
        config
            .replace(LISTEN, "listen 127.0.0.1:" + port + ";")
            .replace(BACKEND, "server " + backend.getHost() + ":" + backend.getPort() + ";"));
    Files.copy(shipped.resolve("openpleb.js"), prefix.resolve("openpleb.js"));
    Path log = prefix.resolve("nginx.log");
    Process process =
        new ProcessBuilder(
                nginx, "-p", prefix.toString(), "-c", prefix.resolve("openpleb.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    FrontProxy front = new FrontProxy(process, port, log);
    try {
      front.awaitPassing(Duration.ofSeconds(60));
    } catch (Exception | AssertionError e) {
      front.close();
      throw e;
    }
    return front;
  }

  /** The proxy's base URL. */
  URL url() throws Exception {
    return URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  private void awaitPassing(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest info =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/info"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx exited: " + Files.readString(log));
      }
      try {
        if (http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("nginx never passed /api/info through; see " + log);
  }

  /** The proxy's port, for a raw socket. */
  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
