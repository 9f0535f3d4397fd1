package org.openpleb.cashu.crypto;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The two secp256k1 back ends for tests that must hold on both: the Bouncy Castle reference and
 * libsecp256k1. The native one must load; on a platform without it the build runs with {@code
 * -Dopenpleb.secp256k1=java}, and then only the reference is tested.
 */
public final class BothBackends {

  private static final Secp256k1Backend NATIVE = loadNative();

  private BothBackends() {}

  /** The reference first, then the native back end (unless switched off as described above). */
  public static List<Secp256k1Backend> all() {
    return NATIVE == null
        ? List.of(Secp256k1Backends.java())
        : List.of(Secp256k1Backends.java(), NATIVE);
  }

  /**
   * libsecp256k1. Under {@code -Dopenpleb.secp256k1=java} (a platform without it) the calling test
   * is aborted as not applicable; otherwise the library must have loaded.
   */
  public static Secp256k1Backend nativeBackend() {
    Assumptions.assumeTrue(
        NATIVE != null, Secp256k1Backends.PROPERTY + "=java: no native back end on this platform");
    return NATIVE;
  }

  private static Secp256k1Backend loadNative() {
    if ("java".equals(System.getProperty(Secp256k1Backends.PROPERTY))) {
      return null;
    }
    try {
      return LibSecp256k1Backend.load();
    } catch (RuntimeException | LinkageError failed) {
      throw new AssertionError(
          "libsecp256k1 does not load here ("
              + failed
              + "); on a platform without it run the build with -D"
              + Secp256k1Backends.PROPERTY
              + "=java",
          failed);
    }
  }
}
