package org.openpleb.ee.session;

import java.util.Objects;

/**
 * A user's identity: the x-only secp256k1 public key (hex) the user logs in with, as stored in
 * {@code sessions.pubkey}, {@code offers.maker_pubkey} and {@code offers.taker_pubkey}.
 *
 * @param hex the key, as stored
 */
public record PubKey(String hex) {

  /** Requires the key. */
  public PubKey {
    Objects.requireNonNull(hex, "hex");
  }

  /** Whether {@code stored} (a stored key, or null) is this key. */
  public boolean is(String stored) {
    return hex.equals(stored);
  }

  /** The key as stored. */
  @Override
  public String toString() {
    return hex;
  }
}
