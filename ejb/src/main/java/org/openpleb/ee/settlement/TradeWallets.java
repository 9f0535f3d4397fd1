package org.openpleb.ee.settlement;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What trading needs from the session wallets: Lightning invoices made without opening any wallet,
 * and holds (reservations under an owner label) that escrow, bond and settle an offer's sats in the
 * parties' own wallets, opened on demand even when their session has ended. Every failure leaves as
 * a {@link org.openpleb.ee.platform.DomainException} with a problem code.
 */
public interface TradeWallets {

  /**
   * A Lightning invoice of {@code amount} sats funding offer {@code offerId} into the maker's
   * wallet; no wallet is opened. The quote is recorded in the quote ledger before the mint is asked
   * and before this returns; an invoice asked for the offer before and never stored on it (its
   * request died) is handed out again while it stays payable.
   */
  Invoice requestInvoice(WalletRef maker, String offerId, long amount);

  /**
   * Marks the invoice held by its offer. Called inside the transaction that stores it on the offer,
   * so both commit or neither does.
   *
   * @throws org.openpleb.ee.platform.DomainException CONFLICT when the quote ledger took the
   *     invoice as lost meanwhile (it credits it to the maker's wallet then)
   */
  void holdInvoice(Invoice invoice);

  /** Where the mint says the invoice of {@code quoteId} stands; no wallet is opened. */
  InvoiceState invoiceState(String quoteId);

  /**
   * Mints the paid invoice {@code quoteId} into the user's wallet, reserved for {@code owner}.
   * Idempotent: a quote minted before returns that result.
   *
   * @return sats minted
   */
  long mintHeld(WalletRef wallet, String quoteId, String owner);

  /**
   * Sets {@code amount} spendable sats aside for {@code owner} in the user's wallet.
   *
   * @return the mint fee paid for the swap this took, if any
   */
  long hold(WalletRef wallet, long amount, String owner);

  /**
   * Receives a posted token into the user's wallet with exactly {@code amount} of it reserved for
   * {@code owner} and the rest of a larger token spendable, topped up from the spendable balance
   * when the token nets less; on any failure what was received stays in the wallet and nothing
   * stays reserved.
   *
   * @return the mint fees paid
   */
  long holdToken(WalletRef wallet, String token, long amount, String owner);

  /**
   * Returns everything reserved for {@code owner} in the wallet to its spendable balance.
   *
   * @return sats released (0 when nothing was reserved)
   */
  long release(String walletId, String owner);

  /** Sats reserved for {@code owner} in the wallet. */
  long heldFor(String walletId, String owner);

  /**
   * Makes a token of {@code amount} sats out of {@code owner}'s reservation, marked with {@code
   * memo}, or of everything reserved when that is less (mint fees can leave a hold short).
   */
  Sent send(String walletId, String owner, long amount, String memo);

  /** A token the wallet made with {@code memo} that is still outstanding, if any. */
  Optional<Sent> findSent(String walletId, String memo);

  /**
   * Settles the tokens the wallet handed out that the mint reports redeemed (NUT-07 checkstate), so
   * they leave its in-flight sats; tokens still unredeemed stay in flight.
   *
   * @return how many tokens were settled
   */
  int settleRedeemed(String walletId);

  /**
   * Receives a token into the wallet's spendable balance.
   *
   * @throws org.openpleb.ee.platform.DomainException TOKEN_ALREADY_SPENT when it was received
   *     before
   */
  Received receive(String walletId, String token);

  /**
   * A user wallet addressed by trading: the wallet id and the user and session it belongs to, so it
   * is recorded (and listed to the user) before money first moves through it.
   */
  record WalletRef(String walletId, String pubkey, String sessionId) {}

  /**
   * A Lightning invoice for funding, with the quote ledger's row that records it. The quote id is a
   * bearer secret: {@link #toString()} leaves it out.
   */
  record Invoice(
      String recordId, String quoteId, String bolt11, long amount, OffsetDateTime expiresAt) {
    @Override
    public String toString() {
      return "Invoice[" + amount + " sats, expires " + expiresAt + "]";
    }
  }

  /** Where a funding invoice stands at the mint. */
  enum InvoiceState {
    /** Not paid yet. */
    UNPAID,
    /** Paid and not minted yet, or minted (by this platform) already. */
    PAID,
    /** The mint does not know the quote. */
    UNKNOWN
  }

  /** A token made out of a hold; the token is a bearer secret, left out of {@link #toString()}. */
  record Sent(String token, long amount, long fee) {
    @Override
    public String toString() {
      return "Sent[" + amount + " sats, fee " + fee + "]";
    }
  }

  /** What receiving a token credited. */
  record Received(long amount, long fee) {}
}
