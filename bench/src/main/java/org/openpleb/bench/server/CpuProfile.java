package org.openpleb.bench.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the server's Java threads spent their CPU during one stretch of the benchmark, from Java
 * Flight Recorder's execution samples: by component (the first non-JDK frame of each sample
 * decides, so a HashMap lookup inside Weld counts as Weld), by the OpenPleb method on the stack
 * (inclusive) and by the hottest method (self).
 *
 * <p>JFR samples threads running Java code only: CPU spent in native code (SQLite's C library
 * through JNI, the kernel) and in the garbage collector's own threads is not in these shares.
 *
 * @param stretch what ran while the recording was on
 * @param seconds the recording's length
 * @param samples execution samples taken
 * @param components share of samples per component, largest first
 * @param appMethods share of samples per innermost OpenPleb method on the stack, largest first
 * @param hotMethods share of samples per top-of-stack method, largest first
 */
public record CpuProfile(
    String stretch,
    double seconds,
    long samples,
    List<Share> components,
    List<Share> appMethods,
    List<Share> hotMethods) {

  public CpuProfile {
    components = List.copyOf(components);
    appMethods = List.copyOf(appMethods);
    hotMethods = List.copyOf(hotMethods);
  }

  /**
   * One line of a profile.
   *
   * @param name the component or method
   * @param share its fraction of the samples, 0 to 1
   */
  public record Share(String name, double share) {}

  /** Library prefixes and the component they stand for; first match wins. */
  private static final String[][] COMPONENTS = {
    {"org.openpleb.cashu.crypto.", "Cashu crypto (secp256k1, hashing)"},
    {"org.openpleb.cashu.", "Cashu wallet library"},
    {"org.openpleb.", "OpenPleb application code"},
    {"org.bouncycastle.", "secp256k1 arithmetic (Bouncy Castle)"},
    {"org.sqlite.", "SQLite (JDBC driver side)"},
    {"org.postgresql.", "PostgreSQL JDBC driver"},
    {"com.zaxxer.", "connection pool"},
    {"org.eclipse.persistence.", "JPA (EclipseLink)"},
    {"com.fasterxml.jackson.", "JSON (Jackson)"},
    {"org.eclipse.yasson.", "JSON-B (Yasson)"},
    {"org.glassfish.json.", "JSON-P"},
    {"org.eclipse.parsson.", "JSON-P"},
    {"org.glassfish.jersey.", "JAX-RS (Jersey)"},
    {"org.glassfish.grizzly.", "HTTP server (Grizzly)"},
    {"org.jboss.weld.", "CDI (Weld)"},
    {"com.sun.ejb.", "EJB container"},
    {"org.glassfish.ejb.", "EJB container"},
    {"com.sun.enterprise.", "Payara runtime"},
    {"org.glassfish.", "Payara runtime"},
    {"fish.payara.", "Payara runtime"},
    {"io.smallrye.", "MicroProfile (SmallRye)"},
    {"org.eclipse.microprofile.", "MicroProfile"},
    {"com.hazelcast.", "Hazelcast"},
    {"jdk.internal.net.http.", "HTTP client (mint calls)"},
    {"org.hibernate.validator.", "Bean Validation (Hibernate Validator)"},
    {"org.h2.", "H2 database"},
    {"java.net.http.", "HTTP client (mint calls)"},
  };

  /** Builds the profile from each sample's frames, top of the stack first. */
  public static CpuProfile of(String stretch, double seconds, List<List<String>> stacks, int top) {
    Map<String, Integer> components = new HashMap<>();
    Map<String, Integer> app = new HashMap<>();
    Map<String, Integer> hot = new HashMap<>();
    for (List<String> frames : stacks) {
      if (frames.isEmpty()) {
        continue;
      }
      hot.merge(frames.get(0), 1, Integer::sum);
      components.merge(component(frames), 1, Integer::sum);
      for (String f : frames) {
        if (f.startsWith("org.openpleb.")) {
          app.merge(f, 1, Integer::sum);
          break;
        }
      }
    }
    long n = stacks.stream().filter(s -> !s.isEmpty()).count();
    return new CpuProfile(
        stretch, seconds, n, shares(components, n, top), shares(app, n, top), shares(hot, n, top));
  }

  /** The component a sample belongs to: the first frame outside the JDK decides. */
  static String component(List<String> frames) {
    for (String f : frames) {
      if (isJdk(f)) {
        continue;
      }
      for (String[] c : COMPONENTS) {
        if (f.startsWith(c[0])) {
          return c[1];
        }
      }
      String[] parts = f.split("\\.");
      return parts.length > 2 ? parts[0] + "." + parts[1] + ".* (other)" : "other code";
    }
    return "JDK only (threads, I/O, collections)";
  }

  private static boolean isJdk(String frame) {
    return frame.startsWith("java.")
        || frame.startsWith("javax.")
        || frame.startsWith("jdk.internal.") && !frame.startsWith("jdk.internal.net.http.")
        || frame.startsWith("sun.")
        || frame.startsWith("com.sun.crypto.")
        || frame.startsWith("jakarta.");
  }

  private static List<Share> shares(Map<String, Integer> counts, long n, int top) {
    List<Share> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(new Share(k, n == 0 ? 0 : v / (double) n)));
    out.sort((a, b) -> Double.compare(b.share(), a.share()));
    return out.subList(0, Math.min(top, out.size()));
  }
}
