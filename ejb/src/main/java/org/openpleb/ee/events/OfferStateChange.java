package org.openpleb.ee.events;

import java.time.Instant;

/**
 * An offer moved from one state to another: the CDI event contract between trading and the live
 * event stream. Trading fires an event implementing this interface inside the transaction that
 * makes the change; {@link LiveEvents} observes it {@code AFTER_SUCCESS}, so clients hear only of
 * committed changes. A record whose components carry these names implements it by declaring {@code
 * implements OfferStateChange}:
 *
 * <pre>{@code
 * record OfferChanged(String offerId, String previousState, String newState,
 *     OfferPublicView publicView, String makerPubkey, String takerPubkey, Instant at)
 *     implements OfferStateChange {}
 * }</pre>
 *
 * <p>What is sent: to everyone, an {@code offer} event with the {@link #publicView()} (nothing when
 * it is null); to the maker's and the taker's authenticated streams, a {@code trade} event with
 * {@link #partyView()}, or the public view when there is none. Pubkeys are used for routing only
 * and are never put into an event by this package.
 */
public interface OfferStateChange {

  /** The offer's id as clients address it. */
  String offerId();

  /** The state before the change; null when the offer was just created. */
  String previousState();

  /** The state after the change, as stored (e.g. {@code INVOICE_PAID}). */
  String newState();

  /**
   * What the public order book shows of the offer after the change: a DTO of public fields only
   * (never a quote id, invoice, token, receipt, or a pubkey the book does not show). Null keeps the
   * change off the public stream, e.g. for offers not yet funded.
   */
  Object publicView();

  /** The maker's x-only pubkey (hex); routes the maker's private event. */
  String makerPubkey();

  /** The taker's x-only pubkey (hex), or null while nobody has claimed the offer. */
  String takerPubkey();

  /** When the change was committed to happen (the transition's timestamp). */
  Instant at();

  /**
   * What the parties see of the offer after the change (a DTO both parties may read), or null to
   * send them the public view. Defaults to null.
   */
  default Object partyView() {
    return null;
  }
}
