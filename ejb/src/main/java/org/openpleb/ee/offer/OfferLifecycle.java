package org.openpleb.ee.offer;

import java.util.Optional;
import org.openpleb.ee.settlement.Outcome;

/**
 * The rules of the offer state machine that are not in {@link OfferAction} itself: how an action
 * that ends a trade is settled. A RESOLVE settles by the admin's resolution, so it has no fixed
 * outcome here.
 */
public final class OfferLifecycle {

  private OfferLifecycle() {}

  /**
   * The payout-table row an action taken in {@code from} settles by, or empty if it ends nothing
   * (or, for RESOLVE, if the outcome is the admin's to choose).
   *
   * @throws IllegalArgumentException if the action is not allowed in {@code from}
   */
  public static Optional<Outcome> outcome(OfferAction action, OfferState from) {
    if (!action.allowedIn(from)) {
      throw new IllegalArgumentException(action + " is not allowed in " + from);
    }
    return switch (action) {
      case APPROVE -> Optional.of(Outcome.APPROVED);
      case FORFEIT -> Optional.of(Outcome.FORFEITED);
      case EXPIRE ->
          Optional.of(
              switch (from) {
                case CREATED, INVOICE_CREATED -> Outcome.NOTHING_HELD;
                case INVOICE_PAID -> Outcome.UNCLAIMED;
                case CLAIMED -> Outcome.NO_RECEIPT;
                case RECEIPT_SUBMITTED -> Outcome.AUTO_APPROVED;
                case MARKED_WITH_ISSUE -> Outcome.ISSUE_UNANSWERED;
                default -> throw new IllegalArgumentException("nothing expires in " + from);
              });
      default -> Optional.empty();
    };
  }
}
