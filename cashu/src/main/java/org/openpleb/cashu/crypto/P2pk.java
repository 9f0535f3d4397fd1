package org.openpleb.cashu.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pay-to-public-key locks (NUT-10 well-known secret {@code "P2PK"}, NUT-11): ecash that only the
 * holder of a private key can spend, by signing the proof's secret with BIP-340.
 *
 * <p>Verification covers the {@code SIG_INPUTS} rules: signatures from {@code data} and the {@code
 * pubkeys} tag counted against {@code n_sigs}, and after {@code locktime} the {@code refund} keys
 * against {@code n_sigs_refund} (or anyone, when there are no refund keys). {@code SIG_ALL} secrets
 * sign the whole transaction and never verify here. Unknown tags are ignored.
 */
public final class P2pk {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KIND = "P2PK";

  private P2pk() {}

  /**
   * A fresh secret that locks a proof to {@code pubkeyHex}: {@code ["P2PK",{"nonce":"<32 random
   * bytes>","data":"<33-byte key>","tags":[]}]}.
   *
   * @param pubkeyHex a 33-byte compressed key, or a 32-byte x-only key (taken with prefix 02)
   */
  public static String lockSecret(String pubkeyHex, SecureRandom rnd) {
    String key = normalizePubkey(pubkeyHex);
    byte[] nonce = new byte[32];
    rnd.nextBytes(nonce);
    ArrayNode secret = JSON.createArrayNode();
    secret.add(KIND);
    ObjectNode body = secret.addObject();
    body.put("nonce", Secp256k1.hex(nonce));
    body.put("data", key);
    body.putArray("tags");
    return write(secret);
  }

  /** The key a secret is locked to, if it is a P2PK well-known secret; empty for anything else. */
  public static Optional<String> lockedPubkey(String secret) {
    return parse(secret).map(Lock::data);
  }

  /**
   * The witness that unlocks a P2PK proof: {@code {"signatures":["<hex>"]}} with a BIP-340
   * signature over {@code SHA256(utf8(secret))}.
   */
  public static String witness(String secret, BigInteger privateKey, SecureRandom rnd) {
    return witness(Secp256k1Backends.active(), secret, privateKey, rnd);
  }

  static String witness(
      Secp256k1Backend backend, String secret, BigInteger privateKey, SecureRandom rnd) {
    Secp256k1.requireScalar(privateKey, "private key");
    byte[] aux = new byte[32];
    rnd.nextBytes(aux);
    byte[] signature =
        Schnorr.sign(backend, Secp256k1.toBytes32(privateKey), messageHash(secret), aux);
    ObjectNode witness = JSON.createObjectNode();
    witness.putArray("signatures").add(Secp256k1.hex(signature));
    return write(witness);
  }

  /** Whether {@code witnessJson} unlocks the P2PK {@code secret} now. */
  public static boolean verifyWitness(String secret, String witnessJson) {
    return verifyWitness(secret, witnessJson, Instant.now().getEpochSecond());
  }

  /**
   * Whether {@code witnessJson} unlocks the P2PK {@code secret} at {@code nowEpochSeconds}. False
   * for anything that is not a P2PK secret, a malformed witness, and {@code SIG_ALL} locks.
   */
  public static boolean verifyWitness(String secret, String witnessJson, long nowEpochSeconds) {
    return verifyWitness(Secp256k1Backends.active(), secret, witnessJson, nowEpochSeconds);
  }

  static boolean verifyWitness(
      Secp256k1Backend backend, String secret, String witnessJson, long nowEpochSeconds) {
    Optional<Lock> parsed = parse(secret);
    if (parsed.isEmpty()) {
      return false;
    }
    Lock lock = parsed.get();
    if (lock.sigAll()) {
      return false;
    }
    List<byte[]> signatures = signatures(witnessJson);
    byte[] message = messageHash(secret);
    List<String> signers = new ArrayList<>();
    signers.add(lock.data());
    signers.addAll(lock.pubkeys());
    if (lock.nSigs() > 0 && validSigners(backend, signers, signatures, message) >= lock.nSigs()) {
      return true;
    }
    if (lock.locktime() != null && nowEpochSeconds > lock.locktime()) {
      if (lock.refund().isEmpty()) {
        return true;
      }
      return lock.nSigsRefund() > 0
          && validSigners(backend, lock.refund(), signatures, message) >= lock.nSigsRefund();
    }
    return false;
  }

  private record Lock(
      String data,
      List<String> pubkeys,
      int nSigs,
      Long locktime,
      List<String> refund,
      int nSigsRefund,
      boolean sigAll) {}

  private static int validSigners(
      Secp256k1Backend backend, List<String> keys, List<byte[]> signatures, byte[] message) {
    Set<String> counted = new HashSet<>();
    for (String key : keys) {
      byte[] x = xOnly(key);
      if (x == null || counted.contains(Secp256k1.hex(x))) {
        continue;
      }
      for (byte[] signature : signatures) {
        if (Schnorr.verify(backend, x, message, signature)) {
          counted.add(Secp256k1.hex(x));
          break;
        }
      }
    }
    return counted.size();
  }

  private static byte[] xOnly(String key) {
    try {
      byte[] compressed = Secp256k1.compressed(Secp256k1.decodePoint(normalizePubkey(key)));
      byte[] x = new byte[32];
      System.arraycopy(compressed, 1, x, 0, 32);
      return x;
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static List<byte[]> signatures(String witnessJson) {
    List<byte[]> out = new ArrayList<>();
    if (witnessJson == null) {
      return out;
    }
    try {
      JsonNode sigs = JSON.readTree(witnessJson).path("signatures");
      for (JsonNode sig : sigs) {
        if (sig.isTextual() && sig.asText().length() == 128) {
          out.add(Secp256k1.parseHex(sig.asText(), "signature"));
        }
      }
    } catch (JsonProcessingException | RuntimeException malformed) {
      out.clear();
    }
    return out;
  }

  private static Optional<Lock> parse(String secret) {
    if (secret == null || !secret.startsWith("[")) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(secret);
      if (!root.isArray()
          || root.size() != 2
          || !KIND.equals(root.get(0).asText(null))
          || !root.get(1).isObject()) {
        return Optional.empty();
      }
      JsonNode body = root.get(1);
      String data = body.path("data").asText(null);
      if (data == null) {
        return Optional.empty();
      }
      List<String> pubkeys = new ArrayList<>();
      List<String> refund = new ArrayList<>();
      int nSigs = 1;
      int nSigsRefund = 1;
      Long locktime = null;
      boolean sigAll = false;
      for (JsonNode tag : body.path("tags")) {
        if (!tag.isArray() || tag.size() < 2) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < tag.size(); i++) {
          values.add(tag.get(i).asText());
        }
        switch (tag.get(0).asText()) {
          case "pubkeys" -> pubkeys.addAll(values);
          case "refund" -> refund.addAll(values);
          case "n_sigs" -> nSigs = Integer.parseInt(values.get(0));
          case "n_sigs_refund" -> nSigsRefund = Integer.parseInt(values.get(0));
          case "locktime" -> locktime = Long.parseLong(values.get(0));
          case "sigflag" -> sigAll = "SIG_ALL".equals(values.get(0));
          default -> {
            // unknown tags are ignored (NUT-10)
          }
        }
      }
      return Optional.of(new Lock(data, pubkeys, nSigs, locktime, refund, nSigsRefund, sigAll));
    } catch (JsonProcessingException | RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static String normalizePubkey(String pubkeyHex) {
    if (pubkeyHex == null) {
      throw new CashuCryptoException("public key is missing");
    }
    String key = pubkeyHex.toLowerCase(Locale.ROOT);
    if (key.length() == 64) {
      key = "02" + key;
    }
    return Secp256k1.encode(Secp256k1.decodePoint(key));
  }

  private static byte[] messageHash(String secret) {
    return Secp256k1.sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }
}
