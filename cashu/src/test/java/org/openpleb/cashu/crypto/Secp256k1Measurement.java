package org.openpleb.cashu.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.math.ec.ECPoint;
import org.openpleb.cashu.model.DleqProof;

/**
 * A hand-run micro measurement (not a test) of the hot secp256k1 operations on both back ends:
 * thread CPU time per operation after a warm-up, single-threaded. Run from the repository root
 * after {@code mvn -o -q -pl cashu test-compile}:
 *
 * <pre>
 * mvn -o -q -pl cashu dependency:build-classpath -Dmdep.outputFile=/tmp/cashu.cp
 * java -cp cashu/target/classes:cashu/target/test-classes:$(cat /tmp/cashu.cp) \
 *     org.openpleb.cashu.crypto.Secp256k1Measurement [seconds per row, default 3]
 * </pre>
 */
public final class Secp256k1Measurement {

  private static final int POOL = 256;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  private Secp256k1Measurement() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    Secp256k1Backend[] backends = {Secp256k1Backends.java(), LibSecp256k1Backend.load()};
    Fixture f = new Fixture(new Random(17));
    System.out.printf(
        "%-44s %-7s %12s %10s%n", "operation (one thread, CPU time)", "backend", "ops/s", "us/op");
    for (Row row : Row.values()) {
      for (Secp256k1Backend backend : backends) {
        double nanos = measure(row, backend, f, seconds);
        System.out.printf(
            "%-44s %-7s %12.0f %10.1f%n", row.label, backend.name(), 1e9 / nanos, nanos / 1e3);
      }
    }
  }

  enum Row {
    OUTPUT("output: blind + DLEQ verify + unblind"),
    BLIND("  blind (hash_to_curve + rG)"),
    HASH_TO_CURVE("    hash_to_curve alone"),
    DLEQ("  DLEQ verify (sG - eA, sB_ - eC_, hash_e)"),
    UNBLIND("  unblind (C_ - rK)"),
    MULTIPLY_G("multiply G (NUT-13 v1: 2 per output)"),
    BIP340_VERIFY("BIP-340 verify (login, P2PK check)"),
    BIP340_SIGN("BIP-340 sign, self-checked"),
    P2PK_SIGN("P2PK witness (JSON + SHA-256 + sign)");

    final String label;

    Row(String label) {
      this.label = label;
    }
  }

  private static double measure(Row row, Secp256k1Backend backend, Fixture f, double seconds)
      throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 0.3e9);
    int i = 0;
    while (System.nanoTime() < deadline) {
      once(row, backend, f, i++);
    }
    long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long ops = 0;
    while (System.nanoTime() < wallEnd) {
      for (int k = 0; k < 50; k++) {
        once(row, backend, f, i++);
      }
      ops += 50;
    }
    return (THREADS.getCurrentThreadCpuTime() - cpuStart) / (double) ops;
  }

  private static void once(Row row, Secp256k1Backend b, Fixture f, int i) throws Exception {
    int j = Math.floorMod(i, POOL);
    switch (row) {
      case OUTPUT -> {
        byte[] blinded = b.blind(f.messages[j], f.r[j]);
        if (!b.verifyDleq(f.e[j], f.s[j], f.mintKey, blinded, f.blindSigs[j])) {
          throw new IllegalStateException("DLEQ did not verify");
        }
        sink = b.unblind(f.blindSigs[j], f.r[j], f.mintKey);
      }
      case BLIND -> sink = b.blind(f.messages[j], f.r[j]);
      case HASH_TO_CURVE -> sink = b.hashToCurve(f.messages[j]);
      case DLEQ -> sink = b.verifyDleq(f.e[j], f.s[j], f.mintKey, f.blinded[j], f.blindSigs[j]);
      case UNBLIND -> sink = b.unblind(f.blindSigs[j], f.r[j], f.mintKey);
      case MULTIPLY_G -> sink = b.multiplyG(f.r[j]);
      case BIP340_VERIFY -> {
        if (!b.verifySchnorr(f.publicKeyX, f.digests[j], f.signatures[j])) {
          throw new IllegalStateException("BIP-340 did not verify");
        }
      }
      case BIP340_SIGN -> sink = b.signSchnorr(f.secretKey, f.digests[j], f.digests[j]);
      case P2PK_SIGN -> sink = P2pk.witness(b, f.lockSecret, f.privateKey, f.random);
    }
  }

  /** Precomputed mint answers, so that the loops time only the wallet's side. */
  private static final class Fixture {
    final byte[][] messages = new byte[POOL][];
    final BigInteger[] r = new BigInteger[POOL];
    final byte[][] blinded = new byte[POOL][];
    final byte[][] blindSigs = new byte[POOL][];
    final BigInteger[] e = new BigInteger[POOL];
    final BigInteger[] s = new BigInteger[POOL];
    final byte[][] digests = new byte[POOL][];
    final byte[][] signatures = new byte[POOL][];
    final byte[] mintKey;
    final byte[] secretKey = new byte[32];
    final byte[] publicKeyX;
    final BigInteger privateKey;
    final String lockSecret;
    final SecureRandom random = new SecureRandom();

    Fixture(Random rnd) {
      BigInteger a = new BigInteger(250, rnd).add(BigInteger.ONE);
      mintKey = Secp256k1.compressed(Secp256k1.multiplyG(a).normalize());
      rnd.nextBytes(secretKey);
      secretKey[0] &= 0x7f;
      publicKeyX = Schnorr.publicKey(Secp256k1Backends.java(), secretKey);
      privateKey = new BigInteger(1, secretKey);
      lockSecret =
          P2pk.lockSecret(Secp256k1.hex(Secp256k1Backends.java().multiplyG(privateKey)), random);
      for (int i = 0; i < POOL; i++) {
        byte[] raw = new byte[32];
        rnd.nextBytes(raw);
        messages[i] = Secp256k1.hex(raw).getBytes(StandardCharsets.UTF_8);
        r[i] = new BigInteger(250, rnd).add(BigInteger.ONE);
        ECPoint b = Bdhke.blind(messages[i], r[i]);
        ECPoint c = Bdhke.sign(a, b);
        DleqProof proof = Dleq.prove(a, b, c);
        blinded[i] = Secp256k1.compressed(b);
        blindSigs[i] = Secp256k1.compressed(c);
        e[i] = new BigInteger(proof.e(), 16);
        s[i] = new BigInteger(proof.s(), 16);
        digests[i] = Secp256k1.sha256(raw);
        signatures[i] = Schnorr.sign(Schnorr.Revision.FINAL, secretKey, digests[i], new byte[32]);
      }
      if (!Arrays.equals(blinded[0], Secp256k1Backends.java().blind(messages[0], r[0]))) {
        throw new IllegalStateException("fixture is inconsistent");
      }
    }
  }
}
