package org.openpleb.cashu.crypto;

/**
 * A main class for {@link Secp256k1FallbackTest}: prints the active back end's name and the NUT-00
 * hash_to_curve of 32 zero bytes, computed on it.
 */
public final class BackendProbe {

  private BackendProbe() {}

  public static void main(String[] args) {
    Secp256k1Backend backend = Secp256k1Backends.active();
    System.out.println(backend.name() + " " + Secp256k1.hex(backend.hashToCurve(new byte[32])));
  }
}
