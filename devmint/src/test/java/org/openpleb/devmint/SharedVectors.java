package org.openpleb.devmint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the official NUT test-vector files from the shared folder beside the repository. */
public final class SharedVectors {

  private SharedVectors() {}

  /** The text of {@code cashu-vectors/<name>}. */
  public static String read(String name) {
    Path file = sharedDir().resolve("cashu-vectors").resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vector file " + file.toAbsolutePath(), e);
    }
  }

  static Path sharedDir() {
    String configured = System.getProperty("shared.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    // surefire runs in devmint/; the shared folder sits beside the repository root
    return Path.of("../../shared");
  }
}
