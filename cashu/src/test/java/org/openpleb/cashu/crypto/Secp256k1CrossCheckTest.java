package org.openpleb.cashu.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.model.DleqProof;

/**
 * libsecp256k1 against the Bouncy Castle reference on 12,000 random operations of every kind the
 * back end offers, valid and corrupted inputs mixed. Seeded: a failure names its seed, and {@code
 * -Dopenpleb.crosscheck.seed=<seed>} replays exactly that run.
 */
class Secp256k1CrossCheckTest {

  private static final int OPERATIONS = 12_000;
  private static final BigInteger N = Secp256k1.order();

  enum Kind {
    MULTIPLY_G,
    HASH_TO_CURVE,
    BLIND,
    UNBLIND,
    REBLIND,
    DLEQ_VALID,
    DLEQ_CORRUPTED,
    BIP340_VALID,
    BIP340_INVALID,
    P2PK_SIGN_VERIFY,
    IS_POINT
  }

  private final Secp256k1Backend reference = Secp256k1Backends.java();
  private Secp256k1Backend libsecp;
  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
  private long seed;
  private Random rnd;

  @Test
  void nativeAgreesWithTheReferenceOnEveryOperation() throws Exception {
    libsecp = BothBackends.nativeBackend();
    String given = System.getProperty("openpleb.crosscheck.seed");
    seed = given == null ? new SecureRandom().nextLong() : Long.parseLong(given);
    rnd = new Random(seed);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < OPERATIONS; i++) {
      Kind kind = kinds[rnd.nextInt(kinds.length)];
      counts.merge(kind, 1, Integer::sum);
      run(i, kind);
    }
    for (Kind kind : kinds) {
      assertTrue(counts.getOrDefault(kind, 0) > 500, kind + " ran too rarely, seed " + seed);
    }
  }

  private void run(int i, Kind kind) throws NoSuchAlgorithmException {
    String what = "operation " + i + " " + kind + " with seed " + seed;
    switch (kind) {
      case MULTIPLY_G -> {
        BigInteger k = edgyScalar();
        same(what, () -> reference.multiplyG(k), () -> libsecp.multiplyG(k));
      }
      case HASH_TO_CURVE -> {
        byte[] message = bytes(rnd.nextInt(80));
        same(what, () -> reference.hashToCurve(message), () -> libsecp.hashToCurve(message));
      }
      case BLIND -> {
        byte[] message = secret().getBytes(StandardCharsets.UTF_8);
        BigInteger r = edgyScalar();
        same(what, () -> reference.blind(message, r), () -> libsecp.blind(message, r));
      }
      case UNBLIND -> {
        byte[] c = maybeBroken(point());
        BigInteger r = edgyScalar();
        byte[] k = point();
        // now and then C_ = rK exactly, whose unblinding is the point at infinity
        byte[] blindSig = rnd.nextInt(50) == 0 ? times(k, r) : c;
        same(what, () -> reference.unblind(blindSig, r, k), () -> libsecp.unblind(blindSig, r, k));
      }
      case REBLIND -> {
        byte[] c = maybeBroken(point());
        BigInteger r = edgyScalar();
        byte[] k = point();
        same(what, () -> reference.reblind(c, r, k), () -> libsecp.reblind(c, r, k));
      }
      case DLEQ_VALID, DLEQ_CORRUPTED -> dleq(what, kind == Kind.DLEQ_CORRUPTED);
      case BIP340_VALID, BIP340_INVALID -> bip340(what, kind == Kind.BIP340_INVALID);
      case P2PK_SIGN_VERIFY -> p2pk(what);
      case IS_POINT -> {
        byte[] candidate = rnd.nextBoolean() ? maybeBroken(point()) : bytes(33);
        assertEquals(reference.isPoint(candidate), libsecp.isPoint(candidate), what);
      }
    }
  }

  private void dleq(String what, boolean corrupt) {
    BigInteger a = scalar();
    ECPoint blinded = Bdhke.blindMessage(secret(), scalar());
    ECPoint blindSig = Bdhke.sign(a, blinded);
    DleqProof proof = Dleq.prove(a, blinded, blindSig);
    BigInteger e = new BigInteger(proof.e(), 16);
    BigInteger s = new BigInteger(proof.s(), 16);
    byte[] mintKey = Secp256k1.compressed(Secp256k1.multiplyG(a).normalize());
    byte[] b = Secp256k1.compressed(blinded);
    byte[] c = Secp256k1.compressed(blindSig);
    if (corrupt) {
      switch (rnd.nextInt(7)) {
        case 0 -> e = e.add(BigInteger.ONE).mod(N);
        case 1 -> s = s.add(BigInteger.ONE).mod(N);
        case 2 -> e = BigInteger.ZERO;
        case 3 -> s = BigInteger.ZERO;
        case 4 -> mintKey = point();
        case 5 -> b = point();
        default -> c = point();
      }
    }
    BigInteger fe = e;
    BigInteger fs = s;
    byte[] fa = mintKey;
    byte[] fb = b;
    byte[] fc = c;
    boolean expected = reference.verifyDleq(fe, fs, fa, fb, fc);
    assertEquals(!corrupt, expected, what + ": the reference itself");
    assertEquals(expected, libsecp.verifyDleq(fe, fs, fa, fb, fc), what);
  }

  private void bip340(String what, boolean corrupt) {
    byte[] secretKey = Secp256k1.toBytes32(edgyScalar());
    byte[] message = bytes(32);
    byte[] aux = bytes(32);
    byte[] signature = reference.signSchnorr(secretKey, message, aux);
    assertEquals(
        Secp256k1.hex(signature),
        Secp256k1.hex(libsecp.signSchnorr(secretKey, message, aux)),
        what);
    byte[] publicKey = Schnorr.publicKey(reference, secretKey);
    if (corrupt) {
      switch (rnd.nextInt(4)) {
        case 0 -> signature[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> message[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
        case 2 -> publicKey = bytes(32);
        default -> System.arraycopy(Secp256k1.toBytes32(N), 0, signature, 32, 32);
      }
    }
    boolean expected = reference.verifySchnorr(publicKey, message, signature);
    if (!corrupt) {
      assertTrue(expected, what + ": the reference itself");
    }
    assertEquals(expected, libsecp.verifySchnorr(publicKey, message, signature), what);
  }

  private void p2pk(String what) throws NoSuchAlgorithmException {
    BigInteger key = scalar();
    String pubkey = Secp256k1.hex(reference.multiplyG(key));
    long aux = rnd.nextLong();
    String secret = P2pk.lockSecret(pubkey, seeded(aux));
    String byReference = P2pk.witness(reference, secret, key, seeded(aux));
    String byNative = P2pk.witness(libsecp, secret, key, seeded(aux));
    assertEquals(byReference, byNative, what);
    long now = 1_700_000_000L;
    assertTrue(P2pk.verifyWitness(reference, secret, byNative, now), what);
    assertTrue(P2pk.verifyWitness(libsecp, secret, byReference, now), what);
    String other = P2pk.witness(libsecp, secret, scalar(), seeded(aux));
    assertEquals(
        P2pk.verifyWitness(reference, secret, other, now),
        P2pk.verifyWitness(libsecp, secret, other, now),
        what);
  }

  /** Both sides give the same bytes, or both refuse with a {@link CashuCryptoException}. */
  private static void same(String what, Supplier<byte[]> expected, Supplier<byte[]> actual) {
    assertEquals(outcome(expected), outcome(actual), what);
  }

  private static String outcome(Supplier<byte[]> operation) {
    try {
      return Secp256k1.hex(operation.get());
    } catch (CashuCryptoException refused) {
      return "refused";
    }
  }

  private BigInteger scalar() {
    while (true) {
      BigInteger k = new BigInteger(256, rnd);
      if (k.signum() > 0 && k.compareTo(N) < 0) {
        return k;
      }
    }
  }

  /** Mostly random scalars, sometimes the edges 1, 2, n-1, n-2. */
  private BigInteger edgyScalar() {
    return switch (rnd.nextInt(40)) {
      case 0 -> BigInteger.ONE;
      case 1 -> BigInteger.TWO;
      case 2 -> N.subtract(BigInteger.ONE);
      case 3 -> N.subtract(BigInteger.TWO);
      default -> scalar();
    };
  }

  private static byte[] times(byte[] point, BigInteger k) {
    return Secp256k1.compressed(Secp256k1.decodeCompressed(point).multiply(k).normalize());
  }

  private byte[] point() {
    return reference.multiplyG(scalar());
  }

  /** A point, or one in ten times a corrupted encoding (flipped bit, odd prefix, x = p). */
  private byte[] maybeBroken(byte[] point) {
    switch (rnd.nextInt(30)) {
      case 0 -> point[1 + rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> point[0] = 0x04;
      case 2 -> System.arraycopy(Secp256k1.toBytes32(Secp256k1.P), 0, point, 1, 32);
      default -> {
        // intact
      }
    }
    return point;
  }

  private String secret() {
    return Secp256k1.hex(bytes(32));
  }

  private byte[] bytes(int length) {
    byte[] out = new byte[length];
    rnd.nextBytes(out);
    return out;
  }

  private static SecureRandom seeded(long value) throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(value);
    return random;
  }
}
