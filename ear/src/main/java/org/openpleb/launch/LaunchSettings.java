package org.openpleb.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server settings derived from the operator's environment before Payara Micro boots.
 *
 * <p>The capacity analysis states the pool's idle timeout in milliseconds ({@code
 * DATABASE_POOL_IDLE_TIMEOUT=30000}), while Payara's JDBC pool takes whole seconds, and Payara's
 * {@code ${ENV=NAME:default}} expansion cannot do arithmetic. The launcher therefore converts the
 * value once and hands it to {@code config/post-boot-commands.asadmin} as the system property
 * {@value #IDLE_TIMEOUT_SECONDS}, which the file reads with {@code ${MPCONFIG=…:30}}. It also picks
 * the datasource class from {@code DB_URL}, so that setting a PostgreSQL URL is enough.
 *
 * @param systemProperties the system properties to set, in a stable order; empty when the
 *     environment asks for nothing beyond the defaults
 */
public record LaunchSettings(Map<String, String> systemProperties) {

  /** Idle timeout of the shared JDBC pool in milliseconds, as the capacity analysis names it. */
  public static final String IDLE_TIMEOUT_MS = "DATABASE_POOL_IDLE_TIMEOUT";

  /** Maximum size of the shared JDBC pool. */
  public static final String POOL_SIZE = "DATABASE_POOL_SIZE";

  /** Steady (minimum) size of the shared JDBC pool. */
  public static final String POOL_MIN = "DATABASE_POOL_MIN";

  /** JDBC URL of the shared database; unset means the embedded H2 file under ./data/. */
  public static final String DB_URL = "DB_URL";

  /**
   * Datasource class of the shared pool. Also the name of the derived system property, so the
   * post-boot file reads one key whether the operator set it or the launcher derived it.
   */
  public static final String DATASOURCE_CLASS = "DB_DATASOURCE_CLASS";

  /** The derived system property the post-boot file reads for the pool's idle timeout. */
  public static final String IDLE_TIMEOUT_SECONDS = "openpleb.pool.idle-timeout-seconds";

  static final String POSTGRESQL_DATASOURCE = "org.postgresql.ds.PGSimpleDataSource";
  static final String H2_DATASOURCE = "org.h2.jdbcx.JdbcDataSource";

  public LaunchSettings {
    systemProperties = Map.copyOf(systemProperties);
  }

  /**
   * Derives the settings from an environment.
   *
   * @param env the process environment (or a test's stand-in)
   * @return the derived settings
   * @throws IllegalArgumentException naming the key when a value is malformed; the message never
   *     repeats a URL, which may carry credentials
   */
  public static LaunchSettings from(Map<String, String> env) {
    Map<String, String> derived = new LinkedHashMap<>();
    Long idleMs = nonNegative(env, IDLE_TIMEOUT_MS);
    if (idleMs != null) {
      // Round up: a sub-second timeout must not become 0, which Payara reads as "never time out".
      long seconds = Math.floorDiv(idleMs + 999, 1000);
      derived.put(IDLE_TIMEOUT_SECONDS, Long.toString(seconds));
    }
    Long size = nonNegative(env, POOL_SIZE);
    Long min = nonNegative(env, POOL_MIN);
    if (size != null && size < 1) {
      throw new IllegalArgumentException(POOL_SIZE + " must be at least 1, was " + size);
    }
    if (size != null && min != null && min > size) {
      throw new IllegalArgumentException(
          POOL_MIN + " (" + min + ") must not exceed " + POOL_SIZE + " (" + size + ")");
    }
    if (blank(env.get(DATASOURCE_CLASS)) && !blank(env.get(DB_URL))) {
      derived.put(DATASOURCE_CLASS, datasourceFor(env.get(DB_URL).trim()));
    }
    return new LaunchSettings(derived);
  }

  private static String datasourceFor(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL_DATASOURCE;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2_DATASOURCE;
    }
    throw new IllegalArgumentException(
        DB_URL
            + " is neither a jdbc:postgresql: nor a jdbc:h2: URL; set "
            + DATASOURCE_CLASS
            + " to the driver's DataSource class");
  }

  private static Long nonNegative(Map<String, String> env, String key) {
    String raw = env.get(key);
    if (blank(raw)) {
      return null;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value < 0) {
        throw new IllegalArgumentException(key + " must not be negative, was " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + raw + "'", e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
