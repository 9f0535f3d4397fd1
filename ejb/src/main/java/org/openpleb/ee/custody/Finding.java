package org.openpleb.ee.custody;

/**
 * One thing the reconciliation found wrong, with what an operator needs to act on it. Never a proof
 * secret; a proof is named by its {@code Y} (public: the mint is asked about it by that value).
 *
 * @param kind what is wrong
 * @param walletId the wallet it is in
 * @param sats the sats concerned: the signed difference for {@link FindingKind#JOURNAL_DIFFERENCE}
 *     and {@link FindingKind#FILE_MISSING} (negative when missing), reserved less expected for the
 *     hold kinds, the proof's amount for the proof kinds
 * @param offerId the offer concerned, if any
 * @param owner the reservation owner concerned, if any
 * @param operationId the wallet operation concerned (the proof's creator or holder), if any
 * @param y the proof's {@code Y}, for the proof kinds
 * @param detail a short explanation
 */
public record Finding(
    FindingKind kind,
    String walletId,
    long sats,
    String offerId,
    String owner,
    String operationId,
    String y,
    String detail) {

  /**
   * The offer id inside a hold owner label ({@code escrow:<offer>:…} or {@code bond:<offer>:…}).
   */
  static String offerOf(String owner) {
    if (owner == null) {
      return null;
    }
    String[] parts = owner.split(":", 3);
    return parts.length >= 2 && (parts[0].equals("escrow") || parts[0].equals("bond"))
        ? parts[1]
        : null;
  }
}
