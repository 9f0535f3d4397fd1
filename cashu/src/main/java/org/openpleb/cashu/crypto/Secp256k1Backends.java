package org.openpleb.cashu.crypto;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the secp256k1 back end once per JVM, from the system property {@value #PROPERTY}: {@code
 * auto} (the default) takes libsecp256k1 when it loads and otherwise the Java reference with one
 * WARNING naming the reason; {@code native} insists on libsecp256k1 and fails when it cannot load;
 * {@code java} never touches the native library. Any other value fails naming the property.
 *
 * <p>{@code auto} falls back instead of failing because both back ends compute the same answers
 * (the vector tests and a randomized cross-check pin that): a server on a platform without the
 * native library is slower, never wrong, and an operator who wants the speed guaranteed says {@code
 * native}.
 */
public final class Secp256k1Backends {

  /** The system property that picks the back end: {@code auto}, {@code native} or {@code java}. */
  public static final String PROPERTY = "openpleb.secp256k1";

  private static final Logger LOG = Logger.getLogger(Secp256k1Backends.class.getName());

  private Secp256k1Backends() {}

  private static volatile Secp256k1Backend chosen;

  /**
   * The back end this JVM uses, chosen (and logged) on first use.
   *
   * @throws IllegalArgumentException if {@value #PROPERTY} has an invalid value
   * @throws IllegalStateException if it says {@code native} and libsecp256k1 cannot load
   */
  public static Secp256k1Backend active() {
    Secp256k1Backend backend = chosen;
    if (backend == null) {
      synchronized (Secp256k1Backends.class) {
        if (chosen == null) {
          // a failed choice is not kept: every later use fails with the same clear message
          chosen = choose(System.getProperty(PROPERTY), LibSecp256k1Backend::load);
        }
        backend = chosen;
      }
    }
    return backend;
  }

  /** The Bouncy Castle reference, whatever the switch says. */
  public static Secp256k1Backend java() {
    return BouncyCastleBackend.INSTANCE;
  }

  /**
   * The choice for a value of {@value #PROPERTY} ({@code null} means {@code auto}), loading the
   * native library through {@code loader}.
   *
   * @throws IllegalArgumentException for a value other than auto, native or java
   * @throws IllegalStateException for {@code native} when the library does not load
   */
  static Secp256k1Backend choose(String setting, Supplier<Secp256k1Backend> loader) {
    String mode = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "java":
        LOG.info("secp256k1 back end: java (Bouncy Castle), as " + PROPERTY + "=java asks");
        return BouncyCastleBackend.INSTANCE;
      case "native":
        try {
          Secp256k1Backend loaded = loader.get();
          LOG.info("secp256k1 back end: native (libsecp256k1), as " + PROPERTY + "=native asks");
          return loaded;
        } catch (Exception | LinkageError failed) {
          throw new IllegalStateException(
              PROPERTY + "=native but libsecp256k1 cannot load: " + reason(failed), failed);
        }
      case "auto":
      case "":
        try {
          Secp256k1Backend loaded = loader.get();
          LOG.info("secp256k1 back end: native (libsecp256k1)");
          return loaded;
        } catch (Exception | LinkageError failed) {
          LOG.warning(
              "secp256k1 back end: java (Bouncy Castle, several times slower) because libsecp256k1"
                  + " cannot load: "
                  + reason(failed)
                  + " (set "
                  + PROPERTY
                  + "=java to choose it without this warning)");
          return BouncyCastleBackend.INSTANCE;
        }
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be auto, native or java, not '" + setting + "'");
    }
  }

  /** The innermost cause's type and message, on one line. */
  private static String reason(Throwable failed) {
    Throwable root = failed;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return (root.getClass().getSimpleName() + message).replaceAll("\\s+", " ");
  }
}
