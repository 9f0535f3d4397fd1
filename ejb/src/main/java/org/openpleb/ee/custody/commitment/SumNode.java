package org.openpleb.ee.custody.commitment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node of the Merkle-sum tree: its hash and the sats of every leaf below it.
 *
 * @param hash SHA-256, 64 lower-case hex characters
 * @param sum sats, never negative
 */
public record SumNode(String hash, long sum) {

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Requires a hash in lower-case hex and a sum of at least 0. */
  public SumNode {
    Objects.requireNonNull(hash, "hash");
    if (!HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("a node hash is 32 bytes in lower-case hex");
    }
    if (sum < 0) {
      throw new IllegalArgumentException("a node's sum is never negative");
    }
  }
}
