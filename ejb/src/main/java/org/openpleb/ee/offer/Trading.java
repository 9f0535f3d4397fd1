package org.openpleb.ee.offer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.PriceService;
import org.openpleb.ee.settlement.HoldOwner;
import org.openpleb.ee.settlement.Settlement;
import org.openpleb.ee.settlement.SettlementLedger;
import org.openpleb.ee.settlement.Settler;
import org.openpleb.ee.settlement.TradeWallets;
import org.openpleb.ee.wallet.WalletId;

/**
 * The trade as its users drive it: create, fund, claim, prove, approve or dispute an offer, and
 * read what they may see of it. Wallet calls run outside transactions; every state change is one
 * transaction of {@link OfferTransitions}. Sats are held in the party's own wallet before the
 * change that needs them commits, and released again if it does not, so a refused or lost request
 * leaves nobody's funds reserved. A trade that ends is settled right after it commits; what that
 * run cannot finish, the sweeper resumes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Trading {

  private static final Logger LOG = Logger.getLogger(Trading.class.getName());

  /** The largest page of the order book. */
  public static final int MAX_PAGE = 100;

  @EJB OfferTransitions transitions;

  @EJB OfferRepository offers;

  @EJB SettlementLedger settlements;

  @EJB Settler settler;

  @EJB FundingWatcher watcher;

  @Inject TradeWallets wallets;

  @Inject PriceService prices;

  @Inject TradeConfig config;

  /** Creates an offer for the maker at the current bitcoin price (503 when it is stale). */
  public Offer create(Trader maker, long fiatAmount, String qrCode, String fiatProvider) {
    return transitions.create(maker, fiatAmount, qrCode, fiatProvider, prices.current());
  }

  /**
   * Asks the mint for the Lightning invoice that funds the offer. The maker's wallet is not opened:
   * the watcher mints the escrow into it once the invoice is paid. The quote is in the quote ledger
   * before the mint is asked, and held by the offer in the transaction that stores it there, so an
   * invoice whose offer change was lost is found and credited to the maker.
   */
  public Offer requestInvoice(String offerId, Trader maker) {
    Offer offer = visible(offerId);
    if (!maker.pubkey().is(offer.makerPubkey())) {
      throw new DomainException(ProblemCode.FORBIDDEN, "Only the offer's maker may do this");
    }
    if (offer.status() != OfferState.CREATED || offer.attemptId().isPresent()) {
      throw new DomainException(
          ProblemCode.CONFLICT, "The offer is " + offer.status() + "; it cannot be funded now");
    }
    TradeWallets.Invoice invoice = wallets.requestInvoice(ref(maker), offerId, offer.funding());
    Offer requested = transitions.invoiceRequested(offerId, maker, invoice);
    // committed: a notification now finds the offer watching its invoice
    watcher.subscribe(requested);
    return requested;
  }

  /** Funds the escrow from the maker's spendable balance. */
  public Offer fundFromBalance(String offerId, Trader maker) {
    return fund(offerId, maker, null);
  }

  /** Funds the escrow with a posted Cashu token (received into the maker's wallet). */
  public Offer fundWithToken(String offerId, Trader maker, String token) {
    return fund(offerId, maker, requireToken(token));
  }

  private Offer fund(String offerId, Trader maker, String token) {
    Offer offer = visible(offerId);
    String attempt = transitions.startAttempt(offerId, AttemptKind.FUND, maker);
    HoldOwner owner = AttemptKind.FUND.holdOwner(offerId, attempt);
    TradeWallets.WalletRef wallet = ref(maker);
    long fee;
    try {
      fee =
          token == null
              ? wallets.hold(wallet, offer.funding(), owner.key())
              : wallets.holdToken(wallet, token, offer.funding(), owner.key());
    } catch (RuntimeException e) {
      abandon(offerId, attempt, maker.walletId(), owner);
      throw e;
    }
    try {
      return transitions.funded(
          offerId,
          attempt,
          maker,
          token == null ? FundingMethod.BALANCE : FundingMethod.TOKEN,
          owner,
          fee);
    } catch (RuntimeException e) {
      abandon(offerId, attempt, maker.walletId(), owner);
      throw e;
    }
  }

  /**
   * Claims a funded offer for the taker: reserves the bond from the taker's balance (or a posted
   * token), then takes the offer. Of concurrent claims one wins; the others are refused before any
   * wallet is touched.
   */
  public Offer claim(String offerId, Trader taker, String bondToken) {
    String token = bondToken == null || bondToken.isBlank() ? null : requireToken(bondToken);
    Offer offer = visible(offerId);
    String attempt = transitions.startAttempt(offerId, AttemptKind.CLAIM, taker);
    HoldOwner owner = AttemptKind.CLAIM.holdOwner(offerId, attempt);
    TradeWallets.WalletRef wallet = ref(taker);
    long fee;
    try {
      fee =
          token == null
              ? wallets.hold(wallet, offer.terms().bond(), owner.key())
              : wallets.holdToken(wallet, token, offer.terms().bond(), owner.key());
    } catch (RuntimeException e) {
      abandon(offerId, attempt, taker.walletId(), owner);
      throw e;
    }
    try {
      return transitions.claimed(offerId, attempt, taker, owner, fee);
    } catch (RuntimeException e) {
      abandon(offerId, attempt, taker.walletId(), owner);
      throw e;
    }
  }

  private void abandon(String offerId, String attempt, WalletId walletId, HoldOwner owner) {
    try {
      wallets.release(walletId.value(), owner.key());
      transitions.dropAttempt(offerId, attempt);
    } catch (RuntimeException e) {
      // the attempt runs out of time and the sweeper releases the hold then
      LOG.log(
          Level.WARNING,
          "Could not undo an attempt on offer {0} at once; the sweeper will ({1})",
          new Object[] {offerId, e.toString()});
    }
  }

  /** Stores the taker's receipt image (accepted only while CLAIMED, before the deadline). */
  public Offer submitReceipt(String offerId, Trader taker, ReceiptImage image) {
    return transitions.receiptSubmitted(offerId, taker, checked(image));
  }

  /**
   * Refuses a receipt upload before its body is read: the offer must exist (404), the caller must
   * be its taker (403) and the offer must be CLAIMED within its deadline (409). {@link
   * #submitReceipt} checks all of it again under the state change, so this is only the early word.
   */
  public void requireReceiptExpected(String offerId, Trader taker) {
    transitions.requireReceiptExpected(offerId, taker);
  }

  private ReceiptImage checked(ReceiptImage image) {
    if (image == null || image.bytes().length == 0) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "The receipt image is empty");
    }
    if (image.bytes().length > config.receiptMaxBytes()) {
      throw new DomainException(
          ProblemCode.PAYLOAD_TOO_LARGE,
          "A receipt may be at most " + config.receiptMaxBytes() + " bytes");
    }
    String declared = image.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
    Optional<String> actual = ReceiptImage.sniff(image.bytes());
    if (actual.isEmpty() || !actual.get().equals(declared)) {
      throw new DomainException(
          ProblemCode.UNSUPPORTED_MEDIA_TYPE,
          "A receipt must be a PNG, JPEG or WebP image sent with its own media type");
    }
    ImageHeader header =
        ImageHeader.read(image.bytes())
            .filter(h -> h.contentType().equals(actual.get()))
            .orElseThrow(
                () ->
                    new DomainException(
                        ProblemCode.RECEIPT_INVALID,
                        "The receipt's " + actual.get() + " header is malformed"));
    if (header.pixels() > config.receiptMaxPixels()) {
      throw new DomainException(
          ProblemCode.RECEIPT_INVALID,
          "The receipt is "
              + header.width()
              + " x "
              + header.height()
              + " pixels; at most "
              + config.receiptMaxPixels()
              + " pixels are accepted");
    }
    return new ReceiptImage(actual.get(), image.bytes());
  }

  /** The maker approves the receipt; the trade is settled at once. */
  public Offer approve(String offerId, Trader maker, String feedback) {
    return settled(transitions.approved(offerId, maker, feedback));
  }

  /** The maker reports a problem with the payment. */
  public Offer markIssue(String offerId, Trader maker, String feedback) {
    return transitions.issueMarked(offerId, maker, feedback);
  }

  /** The taker disputes the maker's issue. */
  public Offer counter(String offerId, Trader taker, String message) {
    return transitions.countered(offerId, taker, message);
  }

  /** The taker gives up; the trade is settled at once. */
  public Offer forfeit(String offerId, Trader taker, String message) {
    return settled(transitions.forfeited(offerId, taker, message));
  }

  /** The admin decides a dispute; the trade is settled at once. */
  public Offer resolve(String offerId, String admin, Resolution resolution, String reason) {
    return settled(transitions.resolved(offerId, admin, resolution, reason));
  }

  /** Runs the offer's settlement now; what fails is retried by the sweeper. */
  Offer settled(Offer ended) {
    try {
      settler.settle(ended.id());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Settlement of offer " + ended.id() + " left to the sweeper", e);
    }
    return offers.find(ended.id()).orElse(ended);
  }

  /** The offer, for whoever may see it (the resource decides how much). */
  public Offer visible(String offerId) {
    if (offerId == null || offerId.isBlank() || offerId.length() > 64) {
      throw new DomainException(ProblemCode.NOT_FOUND, "There is no offer with this id");
    }
    return offers
        .find(offerId)
        .orElseThrow(
            () -> new DomainException(ProblemCode.NOT_FOUND, "There is no offer with this id"));
  }

  /** A page of the order book. */
  public List<Offer> book(String fiatProvider, int page, int size) {
    return offers.book(provider(fiatProvider), pageStart(page, size), size);
  }

  /** How many offers the order book holds. */
  public long bookSize(String fiatProvider) {
    return offers.bookSize(provider(fiatProvider));
  }

  private static String provider(String fiatProvider) {
    // No stored label holds a control character (PostgreSQL refuses NUL outright) or is longer;
    // checked before trimming, which would strip a NUL and search for nothing.
    if (fiatProvider != null && fiatProvider.chars().anyMatch(Character::isISOControl)) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "fiatProvider must be at most "
              + OfferTransitions.MAX_PROVIDER
              + " characters without control characters");
    }
    if (fiatProvider == null || fiatProvider.isBlank()) {
      return null;
    }
    String provider = fiatProvider.trim();
    if (provider.length() > OfferTransitions.MAX_PROVIDER) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "fiatProvider must be at most "
              + OfferTransitions.MAX_PROVIDER
              + " characters without control characters");
    }
    return provider;
  }

  private static int pageStart(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "page must be at least 0 and size from 1 to " + MAX_PAGE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "page is out of range");
    }
    return page * size;
  }

  /** The offers a user made or took, newest first. */
  public List<Offer> ofParty(String pubkey, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "limit must be from 1 to " + MAX_PAGE);
    }
    return offers.ofParty(pubkey, limit);
  }

  /** The offer's audit log, for its parties and the admin. */
  public List<AuditRecord> audit(String offerId, Optional<String> pubkey, boolean admin) {
    Offer offer = visible(offerId);
    requirePartyOrAdmin(offer, pubkey, admin);
    return offers.audit(offerId);
  }

  /** The offer's receipt, for its parties and the admin. */
  public Receipt receipt(String offerId, Optional<String> pubkey, boolean admin) {
    Offer offer = visible(offerId);
    requirePartyOrAdmin(offer, pubkey, admin);
    return offers
        .receipt(offerId)
        .orElseThrow(
            () ->
                new DomainException(ProblemCode.NOT_FOUND, "No receipt was posted for this offer"));
  }

  /** The offer's settlement, once the trade ended. */
  public Optional<Settlement> settlement(String offerId) {
    return settlements.find(offerId);
  }

  private static void requirePartyOrAdmin(Offer offer, Optional<String> pubkey, boolean admin) {
    if (admin) {
      return;
    }
    if (pubkey.isEmpty()) {
      throw new DomainException(ProblemCode.UNAUTHORIZED, "This needs the session of a party");
    }
    if (offer.roleOf(pubkey.get()).isEmpty()) {
      throw new DomainException(
          ProblemCode.FORBIDDEN, "Only the offer's maker, its taker and the admin may see this");
    }
  }

  private static String requireToken(String token) {
    if (token == null || token.isBlank()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "token is required");
    }
    String t = token.trim();
    if (t.length() > 100_000 || !t.toLowerCase(Locale.ROOT).startsWith("cashu")) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "token must be a Cashu token");
    }
    return t;
  }

  private static TradeWallets.WalletRef ref(Trader trader) {
    return new TradeWallets.WalletRef(
        trader.walletId().value(), trader.pubkey().hex(), trader.sessionId());
  }
}
