package org.openpleb.ee.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build stamped into this artefact: the version operators see in {@code /api/info} and
 * {@code /openapi}.
 *
 * @param version the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 */
public record BuildInfo(String version) {

  private static final String RESOURCE = "build.properties";

  /** Reads the descriptor that resource filtering wrote next to this class. */
  public static BuildInfo current() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " next to " + BuildInfo.class);
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").trim();
      // An unfiltered placeholder means the resource was copied without Maven filtering.
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException("The build did not stamp a version into " + RESOURCE);
      }
      return new BuildInfo(version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
