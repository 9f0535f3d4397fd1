package org.openpleb.ee.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the sats a wallet file has reserved, per owner label, with what the offers say it must
 * hold, both ways: an offer whose hold is missing or of another size, and a reservation no offer
 * claims. Holds in motion (a funding or claim not yet committed, an invoice being minted, a
 * settlement paying out) may hold anything from nothing up to their amount.
 */
final class HoldCheck {

  private HoldCheck() {}

  /**
   * The findings for one wallet.
   *
   * @param reserved sats reserved in the file, by owner
   * @param expected sats the offers hold in this wallet, by owner ({@link OfferHolds})
   * @param inMotion the most sats owners in motion may hold here, by owner
   */
  static List<Finding> compare(
      String walletId,
      Map<String, Long> reserved,
      Map<String, Long> expected,
      Map<String, Long> inMotion) {
    List<Finding> findings = new ArrayList<>();
    TreeSet<String> owners = new TreeSet<>(expected.keySet());
    owners.addAll(reserved.keySet());
    for (String owner : owners) {
      long held = reserved.getOrDefault(owner, 0L);
      Long due = expected.get(owner);
      if (due != null) {
        if (held != due) {
          findings.add(
              new Finding(
                  FindingKind.HOLD_MISSING,
                  walletId,
                  held - due,
                  Finding.offerOf(owner),
                  owner,
                  null,
                  null,
                  "the offer holds " + due + " sats here, the wallet has " + held + " reserved"));
        }
      } else if (held > 0 && held > inMotion.getOrDefault(owner, 0L)) {
        findings.add(
            new Finding(
                FindingKind.HOLD_UNCLAIMED,
                walletId,
                held,
                Finding.offerOf(owner),
                owner,
                null,
                null,
                held + " sats are reserved for an owner no offer holding funds claims"));
      }
    }
    return findings;
  }

  /**
   * The stopped settlements paying out of this wallet whose hold the file confirms empty; a hold
   * with sats reserved again lets the next attempt go on, so it is no finding.
   *
   * @param reserved sats reserved in the file, by owner
   * @param stopped the wallet's stopped settlement steps ({@link OfferHolds#stopped(String)})
   */
  static List<Finding> stopped(
      String walletId, Map<String, Long> reserved, List<OfferHolds.StoppedStep> stopped) {
    List<Finding> findings = new ArrayList<>();
    for (OfferHolds.StoppedStep step : stopped) {
      if (reserved.getOrDefault(step.owner(), 0L) > 0) {
        continue;
      }
      findings.add(
          new Finding(
              FindingKind.SETTLEMENT_STOPPED,
              walletId,
              -step.amount(),
              step.offerId(),
              step.owner(),
              null,
              null,
              "the settlement of the offer must pay "
                  + step.amount()
                  + " sats out of this hold and finds nothing reserved for it ("
                  + step.attempts()
                  + " attempt(s) so far)"));
    }
    return findings;
  }
}
