package org.openpleb.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records a CPU profile of the server over one stretch with Java Flight Recorder, started and
 * stopped from outside with {@code jcmd JFR.start} / {@code JFR.stop}, and read back with the JDK's
 * {@code jfr print}. The recording file is deleted once read.
 */
public final class CpuProfiler {

  private final long pid;
  private final Path bin;
  private String running;
  private long startedNanos;

  /** A profiler of JVM {@code pid}. */
  public CpuProfiler(long pid) {
    this.pid = pid;
    this.bin = Path.of(System.getProperty("java.home"), "bin");
  }

  /**
   * Starts recording (JFR's "profile" settings: a Java sample every 10 ms per thread); false when
   * JFR could not be started (the stretch then runs without a profile).
   */
  public boolean start(String stretch) {
    running = stretch;
    startedNanos = System.nanoTime();
    try {
      run(
          List.of(
              tool("jcmd"), Long.toString(pid), "JFR.start", "name=" + name(), "settings=profile"));
      return true;
    } catch (IllegalStateException e) {
      running = null;
      return false;
    }
  }

  /** Stops recording and returns the profile, or null when JFR could not be used. */
  public CpuProfile stop() {
    if (running == null) {
      return null;
    }
    String stretch = running;
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    Path file = null;
    try {
      file = Files.createTempFile("bench-profile", ".jfr");
      Files.delete(file); // JFR writes it; the server process must be able to create it
      run(
          List.of(
              tool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + name(), "filename=" + file));
      List<List<String>> stacks = samples(file);
      return CpuProfile.of(stretch, seconds, stacks, 12);
    } catch (IOException | IllegalStateException e) {
      return null;
    } finally {
      running = null;
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temp file left behind
        }
      }
    }
  }

  private String name() {
    return "bench-" + running.replaceAll("[^A-Za-z0-9]", "-");
  }

  /** The stacks of every execution sample, top frame first, each frame as {@code pkg.Class.m}. */
  private List<List<String>> samples(Path file) throws IOException {
    Process p =
        new ProcessBuilder(
                tool("jfr"),
                "print",
                "--events",
                "jdk.ExecutionSample",
                "--stack-depth",
                "48",
                file.toString())
            .redirectErrorStream(true)
            .start();
    List<List<String>> stacks =
        parse(
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    try {
      p.waitFor(120, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return stacks;
  }

  /** Parses {@code jfr print} text: the frames between {@code stackTrace = [} and {@code ]}. */
  static List<List<String>> parse(BufferedReader in) throws IOException {
    List<List<String>> stacks = new ArrayList<>();
    List<String> current = null;
    for (String line; (line = in.readLine()) != null; ) {
      String t = line.trim();
      if (t.startsWith("stackTrace = [")) {
        current = new ArrayList<>();
      } else if (current != null && t.equals("]")) {
        stacks.add(current);
        current = null;
      } else if (current != null && !t.equals("...")) {
        int paren = t.indexOf('(');
        current.add(paren > 0 ? t.substring(0, paren) : t);
      }
    }
    return stacks;
  }

  private String tool(String name) {
    Path own = bin.resolve(name);
    return Files.isExecutable(own) ? own.toString() : name;
  }

  private static void run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(cmd.get(0) + " failed: " + out.trim());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
