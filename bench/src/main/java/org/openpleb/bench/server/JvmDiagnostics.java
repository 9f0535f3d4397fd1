package org.openpleb.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a running JVM about its heap with {@code jcmd}: a full collection ({@code GC.run}), the heap
 * figures after it ({@code GC.heap_info}), the class histogram, and the JVM's version. Needs the
 * same user as the target JVM, as jcmd does.
 */
public final class JvmDiagnostics {

  private static final Pattern HEAP =
      Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K", Pattern.CASE_INSENSITIVE);
  private static final Pattern METASPACE =
      Pattern.compile("Metaspace\\s+used\\s+(\\d+)K,\\s+committed\\s+(\\d+)K");
  private static final Pattern CODE_HEAP = Pattern.compile("max_used=(\\d+)Kb");

  private final long pid;
  private final String jcmd;

  /** Diagnostics of JVM {@code pid} with the jcmd of this JDK (or on the PATH). */
  public JvmDiagnostics(long pid) {
    this.pid = pid;
    String home = System.getProperty("java.home");
    java.nio.file.Path own = java.nio.file.Path.of(home, "bin", "jcmd");
    this.jcmd = java.nio.file.Files.isExecutable(own) ? own.toString() : "jcmd";
  }

  /**
   * Runs two full collections (the second frees what the first only made unreachable, such as
   * objects waiting for reference processing) and reads the heap after them.
   */
  public HeapReading heapAfterFullGc() {
    run("GC.run");
    run("GC.run");
    return parseHeapInfo(run("GC.heap_info"));
  }

  /** The class histogram (jcmd collects fully before counting). */
  public ClassHistogram classHistogram() {
    return ClassHistogram.parse(run("GC.class_histogram"));
  }

  /** The JVM's version line, e.g. {@code OpenJDK 64-Bit Server VM version 17.0.15+6-…}. */
  public String vmVersion() {
    for (String line : run("VM.version").split("\n")) {
      if (line.contains("VM version") || line.startsWith("JDK")) {
        return line.trim();
      }
    }
    return "unknown";
  }

  /** The JVM's command-line flags, as jcmd VM.flags prints them. */
  public String vmFlags() {
    String out = run("VM.flags");
    int colon = out.indexOf(":\n");
    return (colon >= 0 ? out.substring(colon + 2) : out).trim();
  }

  /** Parses GC.heap_info output (G1's or any collector's "heap total …K, used …K" line). */
  static HeapReading parseHeapInfo(String text) {
    Matcher heap = HEAP.matcher(text);
    if (!heap.find()) {
      throw new IllegalStateException("no heap line in GC.heap_info output");
    }
    Matcher meta = METASPACE.matcher(text);
    boolean hasMeta = meta.find();
    long metaspace = hasMeta ? Long.parseLong(meta.group(1)) * 1024 : 0;
    long metaspaceCommitted = hasMeta ? Long.parseLong(meta.group(2)) * 1024 : 0;
    return new HeapReading(
        Long.parseLong(heap.group(2)) * 1024,
        Long.parseLong(heap.group(1)) * 1024,
        metaspace,
        metaspaceCommitted);
  }

  /**
   * Compiled code: the sum of the code heaps' high-water marks ({@code max_used}), which is what
   * stays resident (the code cache does not give pages back).
   */
  public long codeCacheBytes() {
    return parseCodeCache(run("Compiler.codecache"));
  }

  static long parseCodeCache(String text) {
    Matcher m = CODE_HEAP.matcher(text);
    long total = 0;
    while (m.find()) {
      total += Long.parseLong(m.group(1)) * 1024;
    }
    return total;
  }

  private String run(String command) {
    List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
    cmd.addAll(List.of(command.split(" ")));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out.trim());
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jcmd", e);
    }
  }
}
