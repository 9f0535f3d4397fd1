package org.openpleb.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console log format, {@value #KEY}: {@code text} (Payara's own, the default) or {@code json}
 * ({@link JsonLogFormatter}, one object per line).
 *
 * <p>The launcher writes a copy of Payara Micro's bundled {@code logging.properties} and hands it
 * to Payara with {@code --logproperties}: for JSON its console formatter is {@link
 * JsonLogFormatter}; in both formats the EJB container logs from WARNING up, because at INFO it
 * lists every bean's JNDI names at each start (about 40 lines). Every other level stays Payara's.
 * (Payara's {@code set-log-levels} boot command would do the same for every start, but it
 * reconfigures logging mid-boot and drops Payara's own line format.)
 */
enum LogFormat {
  TEXT,
  JSON;

  /** The environment variable that picks the format. */
  static final String KEY = "OPENPLEB_LOG_FORMAT";

  static final String BUNDLED = "MICRO-INF/domain/logging.properties";

  static final String CONSOLE_FORMATTER = "java.util.logging.ConsoleHandler.formatter";

  /**
   * The format the environment asks for.
   *
   * @throws IllegalArgumentException naming the key when the value is neither text nor json
   */
  static LogFormat from(Map<String, String> env) {
    String value = env.get(KEY);
    if (value == null || value.isBlank()) {
      return TEXT;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(KEY + " must be text or json, was '" + value + "'");
    };
  }

  /** The EJB container's logger, quieted to WARNING. */
  static final String EJB_CONTAINER_LEVEL = "jakarta.enterprise.ejb.container.level";

  /**
   * Writes the logging configuration for this format into {@code dir} and returns its path; null
   * when Payara's bundled configuration is not on the class path.
   */
  Path writeConfiguration(Path dir) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LogFormat.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        return null;
      }
      properties.load(in);
    }
    properties.setProperty(EJB_CONTAINER_LEVEL, "WARNING");
    if (this == JSON) {
      properties.setProperty("handlers", "java.util.logging.ConsoleHandler");
      properties.setProperty(CONSOLE_FORMATTER, JsonLogFormatter.class.getName());
    }
    Path file = dir.resolve("openpleb-logging.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "OpenPleb: Payara's logging.properties, " + KEY + "=" + this);
    }
    return file;
  }
}
