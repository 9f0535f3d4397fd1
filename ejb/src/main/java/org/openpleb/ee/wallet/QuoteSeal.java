package org.openpleb.ee.wallet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openpleb.ee.platform.SecretBox;

/**
 * Keeps the mint quote ids of the {@link QuoteLedger} out of reach of whoever reads the database: a
 * quote id lets its holder mint the paid ecash, so the ledger stores it sealed ({@link SecretBox},
 * bound to its row) and finds it by a keyed hash (HMAC-SHA256 under a second key derived from the
 * master secret), which cannot be checked against a guessed or leaked quote id without that secret.
 */
public final class QuoteSeal {

  private final SecretBox box;
  private final SecretKeySpec indexKey;

  /**
   * A seal under two 32-byte keys derived from the master secret ({@code MasterSeed.quoteKey()} and
   * {@code quoteIndexKey()}); both copied.
   */
  public QuoteSeal(byte[] sealKey, byte[] indexKey, SecureRandom random) {
    Objects.requireNonNull(indexKey, "indexKey");
    if (indexKey.length != 32) {
      throw new IllegalArgumentException("an index key must have 32 bytes");
    }
    this.box = new SecretBox(sealKey, random);
    this.indexKey = new SecretKeySpec(Arrays.copyOf(indexKey, 32), "HmacSHA256");
  }

  /** The quote id sealed for the ledger row {@code rowId}. */
  public String seal(String rowId, String quoteId) {
    return box.seal(Objects.requireNonNull(quoteId, "quoteId"), context(rowId));
  }

  /**
   * The quote id sealed for row {@code rowId}.
   *
   * @throws IllegalStateException when it does not open (altered, moved to another row, or sealed
   *     under another master secret)
   */
  public String open(String rowId, String sealed) {
    return box.open(sealed, context(rowId));
  }

  /** The lookup hash of a quote id: 64 hex characters. */
  public String ref(String quoteId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      return HexFormat.of()
          .formatHex(mac.doFinal(("mint quote\n" + quoteId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
    }
  }

  private static byte[] context(String rowId) {
    return ("openpleb mint quote\n" + Objects.requireNonNull(rowId, "rowId"))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "QuoteSeal[redacted]";
  }
}
