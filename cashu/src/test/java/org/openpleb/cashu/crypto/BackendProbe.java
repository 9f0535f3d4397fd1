package org.openpleb.cashu.crypto;

import java.io.File;
import java.util.Arrays;

/**
 * A main class for {@link Secp256k1FallbackTest}: prints the active back end's name and the NUT-00
 * hash_to_curve of 32 zero bytes, computed on it, then the number of extracted libsecp256k1 copies
 * in {@code java.io.tmpdir} while this JVM runs.
 */
public final class BackendProbe {

  private BackendProbe() {}

  public static void main(String[] args) {
    Secp256k1Backend backend = Secp256k1Backends.active();
    System.out.println(backend.name() + " " + Secp256k1.hex(backend.hashToCurve(new byte[32])));
    String[] files = new File(System.getProperty("java.io.tmpdir")).list();
    long extracted =
        files == null
            ? 0
            : Arrays.stream(files)
                .filter(f -> f.startsWith("secp256k1-") && !f.endsWith(".lck"))
                .count();
    System.out.println("extracted " + extracted);
  }
}
