package org.openpleb.cashu.crypto;

import java.util.List;

/**
 * The two secp256k1 back ends for tests that must hold on both: the Bouncy Castle reference and
 * libsecp256k1. The native one must load where the tests run: on a platform without it they fail,
 * naming why (the server itself falls back to the reference there, which {@code
 * Secp256k1BackendsTest} covers with a library that does not load).
 */
public final class BothBackends {

  private static final Secp256k1Backend NATIVE = loadNative();

  private BothBackends() {}

  /** The reference first, then the native back end. */
  public static List<Secp256k1Backend> all() {
    return List.of(Secp256k1Backends.java(), NATIVE);
  }

  /** libsecp256k1, loaded. */
  public static Secp256k1Backend nativeBackend() {
    return NATIVE;
  }

  private static Secp256k1Backend loadNative() {
    try {
      return LibSecp256k1Backend.load();
    } catch (RuntimeException | LinkageError failed) {
      throw new AssertionError("libsecp256k1 does not load here (" + failed + ")", failed);
    }
  }
}
