package org.openpleb.ee.offer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The hash chain over an offer's audit log: each entry's hash is SHA-256 of the previous entry's
 * hash (32 bytes; 32 zero bytes before the first entry) followed by the UTF-8 bytes of the entry's
 * canonical text. Changing, dropping or reordering any entry breaks every hash after it, so a party
 * who kept the latest hash can tell whether the log was rewritten.
 */
public final class AuditChain {

  /** The hash before the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /** The hash of an entry with canonical text {@code canonical} following {@code previousHash}. */
  public static String link(String previousHash, String canonical) {
    Objects.requireNonNull(canonical, "canonical");
    byte[] previous = HEX.parseHex(Objects.requireNonNull(previousHash, "previousHash"));
    if (previous.length != 32) {
      throw new IllegalArgumentException("a hash is 32 bytes");
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previous);
      sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Checks a whole log, oldest entry first: each link names the previous hash and its hash is the
   * recomputed one, and sequence numbers count up from 1.
   *
   * @return the index of the first broken link, or -1 if the chain holds
   */
  public static int firstBrokenLink(List<Link> log) {
    String previous = GENESIS;
    for (int i = 0; i < log.size(); i++) {
      Link link = log.get(i);
      if (link.seq() != i + 1
          || !previous.equals(link.previousHash())
          || !link(previous, link.canonical()).equals(link.hash())) {
        return i;
      }
      previous = link.hash();
    }
    return -1;
  }

  /**
   * One stored link of the chain.
   *
   * @param seq the entry's position, from 1
   * @param canonical the entry's canonical text
   * @param previousHash the hash it follows
   * @param hash its own hash
   */
  public record Link(int seq, String canonical, String previousHash, String hash) {}
}
