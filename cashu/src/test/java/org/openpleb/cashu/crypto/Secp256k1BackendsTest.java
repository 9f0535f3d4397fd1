package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The choice of the secp256k1 back end from {@code -Dopenpleb.secp256k1}, with the loader faked.
 */
class Secp256k1BackendsTest {

  private static final Supplier<Secp256k1Backend> UNLOADABLE =
      () -> {
        throw new UnsatisfiedLinkError("no secp256k1-jni in java.library.path");
      };

  private final Logger logger = Logger.getLogger(Secp256k1Backends.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void autoTakesTheNativeLibraryWhenItLoads() {
    BothBackends.nativeBackend();
    Secp256k1Backend loaded = Secp256k1Backends.choose(null, LibSecp256k1Backend::load);

    assertEquals("native", loaded.name());
    assertSame(loaded, Secp256k1Backends.choose("auto", () -> loaded));
    assertTrue(warnings().isEmpty(), warnings()::toString);
  }

  @Test
  void autoFallsBackToTheReferenceWithOneWarningNamingTheReason() {
    Secp256k1Backend chosen = Secp256k1Backends.choose("auto", UNLOADABLE);

    assertSame(Secp256k1Backends.java(), chosen);
    assertEquals(1, warnings().size(), logged::toString);
    String warning = warnings().get(0).getMessage();
    assertTrue(
        warning.contains("UnsatisfiedLinkError: no secp256k1-jni in java.library.path"), warning);
    assertTrue(warning.contains("openpleb.secp256k1=java"), warning);
    assertTrue(!warning.contains("\n"), "one line: " + warning);
    // and the fallback computes: NUT-00 hash_to_curve of 32 zero bytes
    assertEquals(
        "024cce997d3b518f739663b757deaec95bcd9473c30a14ac2fd04023a739d1a725",
        Secp256k1.hex(chosen.hashToCurve(new byte[32])));
  }

  @Test
  void nativeFailsWhenTheLibraryCannotLoad() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class, () -> Secp256k1Backends.choose("native", UNLOADABLE));

    assertTrue(
        failure.getMessage().startsWith("openpleb.secp256k1=native but libsecp256k1 cannot load"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("UnsatisfiedLinkError"), failure.getMessage());
  }

  @Test
  void nativeTakesTheLibraryWhenItLoads() {
    BothBackends.nativeBackend();
    assertEquals("native", Secp256k1Backends.choose("native", LibSecp256k1Backend::load).name());
  }

  @Test
  void javaNeverTouchesTheNativeLibrary() {
    Supplier<Secp256k1Backend> mustNotLoad =
        () -> {
          throw new AssertionError("the native library was loaded");
        };

    assertSame(Secp256k1Backends.java(), Secp256k1Backends.choose("java", mustNotLoad));
    assertSame(Secp256k1Backends.java(), Secp256k1Backends.choose(" JAVA ", mustNotLoad));
    assertTrue(warnings().isEmpty());
  }

  @Test
  void anyOtherValueFailsNamingTheProperty() {
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> Secp256k1Backends.choose("libsecp", LibSecp256k1Backend::load));

    assertEquals(
        "openpleb.secp256k1 must be auto, native or java, not 'libsecp'", failure.getMessage());
  }

  private List<LogRecord> warnings() {
    return logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
  }
}
