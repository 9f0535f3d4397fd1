package org.openpleb.bench.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of the load saw and hold: counters per event, the Cashu tokens they withdrew and
 * never redeem (by proof {@code Y}, never the token text), Lightning withdrawals and deposits, keys
 * given up on. Thread-safe; written to a JSON file for the count that runs after the server
 * stopped.
 */
final class ClientBook {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, Long> heldProofs = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();

  /** Adds one to {@code name}. */
  void count(String name) {
    add(name, 1);
  }

  /** Adds {@code n} to {@code name}. */
  void add(String name, long n) {
    counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  long get(String name) {
    LongAdder a = counters.get(name);
    return a == null ? 0 : a.sum();
  }

  /** A token a client withdrew and keeps: its proofs' Ys and amounts. */
  void holdToken(Map<String, Long> proofs) {
    heldProofs.putAll(proofs);
  }

  /** A line for the report (never a token, key or secret). */
  void note(String line) {
    if (notes.size() < 200) {
      notes.add(line);
    }
  }

  /** Everything, as written to the file. */
  Figures figures() {
    Map<String, Long> c = new TreeMap<>();
    counters.forEach((k, v) -> c.put(k, v.sum()));
    return new Figures(c, new TreeMap<>(heldProofs), new ArrayList<>(notes));
  }

  void save(Path file) throws IOException {
    JSON.writeValue(file.toFile(), figures());
  }

  static Figures load(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Figures.class);
  }

  /**
   * The saved figures.
   *
   * @param counters event counters by name
   * @param heldProofs Y → amount of every proof in a token a client holds
   * @param notes remarks for the report
   */
  record Figures(Map<String, Long> counters, Map<String, Long> heldProofs, List<String> notes) {

    long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }

    /** Counters whose name starts with {@code prefix}, the prefix cut off. */
    Map<String, Long> withPrefix(String prefix) {
      Map<String, Long> out = new TreeMap<>();
      counters.forEach(
          (k, v) -> {
            if (k.startsWith(prefix)) {
              out.put(k.substring(prefix.length()), v);
            }
          });
      return out;
    }

    long heldSats() {
      return heldProofs.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
