package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choice in a fresh JVM started as {@code bin/run}, the ITs and CI start the server, with
 * {@code -Djava.io.tmpdir}: the JNI library is extracted there; where that folder does not exist
 * libsecp256k1 really cannot load.
 */
class Secp256k1FallbackTest {

  private static final String H2C_ZERO =
      "024cce997d3b518f739663b757deaec95bcd9473c30a14ac2fd04023a739d1a725";

  @TempDir Path tmp;

  @Test
  void autoFallsBackToJavaWithOneWarningAndStillComputes() throws Exception {
    Result run = probe("auto", tmp.resolve("missing"));

    assertEquals(0, run.exit(), run::toString);
    assertEquals("java " + H2C_ZERO + "\nextracted 0", run.out().strip(), run::toString);
    List<String> warnings =
        run.err().lines().filter(l -> l.contains("secp256k1 back end: java")).toList();
    assertEquals(1, warnings.size(), run::toString);
    assertTrue(warnings.get(0).contains("libsecp256k1 cannot load: "), run::toString);
  }

  @Test
  void nativeRefusesToStartWithoutTheLibrary() throws Exception {
    Result run = probe("native", tmp.resolve("missing"));

    assertNotEquals(0, run.exit(), run::toString);
    assertTrue(
        run.err().contains("openpleb.secp256k1=native but libsecp256k1 cannot load"),
        run::toString);
  }

  @Test
  void theLibraryIsExtractedIntoJavaIoTmpdirAndUsed() throws Exception {
    BothBackends.nativeBackend();
    Result run = probe("auto", tmp);

    assertEquals(0, run.exit(), run::toString);
    assertEquals("native " + H2C_ZERO + "\nextracted 1", run.out().strip(), run::toString);
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "the copy is deleted when the JVM ends");
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result probe(String mode, Path extractTo)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("probe", ".out");
    Path err = Files.createTempFile("probe", ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-D" + Secp256k1Backends.PROPERTY + "=" + mode);
    command.add("-Djava.io.tmpdir=" + extractTo);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BackendProbe.class.getName());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not end within 120 s");
    }
    try {
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
