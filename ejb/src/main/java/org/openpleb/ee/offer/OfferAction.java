package org.openpleb.ee.offer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything that moves an offer from one state to another, with the states it may start from,
 * where it leads and who may do it: the offer state machine of DESIGN §6 with OpenPleb's gaps
 * closed (a receipt only in CLAIMED, a resolution only in DISPUTED, a forfeit settled at once).
 */
public enum OfferAction {
  /** The maker asks for a Lightning invoice to fund the offer. */
  REQUEST_INVOICE(Role.MAKER, OfferState.INVOICE_CREATED, OfferState.CREATED),
  /** The watcher saw the invoice paid and minted the escrow. */
  INVOICE_PAID(Role.SYSTEM, OfferState.INVOICE_PAID, OfferState.INVOICE_CREATED),
  /** The maker funds the escrow from the wallet balance or a posted token. */
  FUND(Role.MAKER, OfferState.INVOICE_PAID, OfferState.CREATED),
  /** A taker claims the offer with a bond. */
  CLAIM(Role.TAKER, OfferState.CLAIMED, OfferState.INVOICE_PAID),
  /** The taker posts the receipt of the fiat payment. */
  SUBMIT_RECEIPT(Role.TAKER, OfferState.RECEIPT_SUBMITTED, OfferState.CLAIMED),
  /** The maker confirms the payment arrived. */
  APPROVE(Role.MAKER, OfferState.COMPLETED, OfferState.RECEIPT_SUBMITTED),
  /** The maker reports a problem with the payment. */
  MARK_ISSUE(Role.MAKER, OfferState.MARKED_WITH_ISSUE, OfferState.RECEIPT_SUBMITTED),
  /** The taker disputes the maker's issue. */
  COUNTER(Role.TAKER, OfferState.DISPUTED, OfferState.MARKED_WITH_ISSUE),
  /** The taker gives up. */
  FORFEIT(Role.TAKER, OfferState.FORFEITED, OfferState.MARKED_WITH_ISSUE),
  /** The admin decides a dispute. */
  RESOLVE(Role.ADMIN, OfferState.RESOLVED, OfferState.DISPUTED),
  /** A deadline passed. */
  EXPIRE(
      Role.SYSTEM,
      OfferState.EXPIRED,
      OfferState.CREATED,
      OfferState.INVOICE_CREATED,
      OfferState.INVOICE_PAID,
      OfferState.CLAIMED,
      OfferState.RECEIPT_SUBMITTED,
      OfferState.MARKED_WITH_ISSUE);

  private final Role role;
  private final OfferState target;
  private final Set<OfferState> sources;

  OfferAction(Role role, OfferState target, OfferState first, OfferState... rest) {
    this.role = role;
    this.target = target;
    this.sources = EnumSet.of(first, rest);
  }

  /** Who may take this action. */
  public Role role() {
    return role;
  }

  /** The state the offer is in afterwards. */
  public OfferState target() {
    return target;
  }

  /** The states this action may start from. */
  public Set<OfferState> sources() {
    return EnumSet.copyOf(sources);
  }

  /**
   * Whether this action must come before the deadline of the state it leaves: a party's actions
   * must, while the watcher, the sweeper and the admin act whenever they come.
   */
  public boolean beatsDeadline() {
    return role == Role.MAKER || role == Role.TAKER;
  }

  /** Whether this action may be taken in {@code state}. */
  public boolean allowedIn(OfferState state) {
    return sources.contains(state);
  }
}
