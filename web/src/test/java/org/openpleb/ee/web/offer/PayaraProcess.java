package org.openpleb.ee.web.offer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro server of the test's own, started from the same runtime, driver and post-boot file
 * as the Arquillian ITs, so a test can kill it mid-operation and start it again on the same
 * database and wallet files. Client-side only.
 */
final class PayaraProcess implements AutoCloseable {

  private final Path war;
  private final Path workDir;
  private final int port;
  private final Map<String, String> environment;
  private Process process;
  private int starts;
  private Path log;

  PayaraProcess(Path war, Path workDir) throws IOException {
    this(war, workDir, Map.of());
  }

  /** A server whose process sees {@code environment} over the build's own (e.g. its DB_URL). */
  PayaraProcess(Path war, Path workDir, Map<String, String> environment) throws IOException {
    this.war = war;
    this.workDir = workDir;
    this.environment = Map.copyOf(environment);
    Files.createDirectories(workDir);
    try (ServerSocket free = new ServerSocket(0)) {
      this.port = free.getLocalPort();
    }
  }

  /** The base URL of the application. */
  URL base() throws Exception {
    return URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** Starts the server and waits until it is ready (its readiness check answers 200). */
  void start() throws Exception {
    launch();
    // as long as the Arquillian ITs allow: a loaded build machine can take minutes to boot Payara
    awaitReady(Duration.ofSeconds(Long.getLong("payara.startupTimeoutInSeconds", 420)));
  }

  /** Starts the server without waiting for it: a test of a refused deployment reads the log. */
  void launch() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-jar");
    command.add(System.getProperty("payara.microJar"));
    for (String option : System.getProperty("payara.extraMicroOptions", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    command.add("--rootdir");
    command.add(workDir.resolve("runtime-" + (starts + 1)).toString());
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--deploy");
    command.add(war.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    log = workDir.resolve("server-" + (++starts) + ".log");
    builder.redirectOutput(log.toFile());
    process = builder.start();
  }

  /** What the server has written to its console so far in its latest start. */
  String log() throws IOException {
    return log == null || !Files.exists(log)
        ? ""
        : new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  /** Waits for the server to die by itself (a crash plan halted it). */
  void awaitDeath(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the server did not stop");
    }
  }

  /** Whether the server process runs. */
  boolean alive() {
    return process != null && process.isAlive();
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited while starting; see " + workDir);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the server did not become ready; see " + workDir);
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
