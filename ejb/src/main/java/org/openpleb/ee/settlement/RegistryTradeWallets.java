package org.openpleb.ee.settlement;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.openpleb.cashu.mint.MintException;
import org.openpleb.cashu.mint.MintQuoteResponse;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.cashu.wallet.ReceiveOptions;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.SendOptions;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.treasury.Treasury;
import org.openpleb.ee.treasury.TreasuryRepository;
import org.openpleb.ee.wallet.AskedQuoteRepository;
import org.openpleb.ee.wallet.BalanceReading;
import org.openpleb.ee.wallet.LeasedWallets;
import org.openpleb.ee.wallet.MintConnection;
import org.openpleb.ee.wallet.QuoteLedger;
import org.openpleb.ee.wallet.QuoteOwner;
import org.openpleb.ee.wallet.QuotePurpose;
import org.openpleb.ee.wallet.SessionWallet;
import org.openpleb.ee.wallet.StoredWallet;
import org.openpleb.ee.wallet.WalletConfig;
import org.openpleb.ee.wallet.WalletOperationException;
import org.openpleb.ee.wallet.WalletRegistry;
import org.openpleb.ee.wallet.WalletRepository;

/**
 * Trading's wallet operations on the session wallets of the {@link WalletRegistry}: invoices
 * through the platform's mint client without opening a wallet, everything else on a leased (pinned)
 * handle, opened on demand even for dormant wallets. A user wallet is recorded before money first
 * moves through it, and its balance snapshot is written after every operation, as the wallet
 * feature does; the treasury's snapshot goes to the treasury's row.
 */
@ApplicationScoped
public class RegistryTradeWallets implements TradeWallets {

  @Inject LeasedWallets leased;

  @EJB WalletRepository walletRows;

  @EJB QuoteLedger quoteLedger;

  @EJB AskedQuoteRepository askedQuotes;

  @EJB Treasury treasury;

  @EJB TreasuryRepository treasuryRows;

  @Inject MintConnection mint;

  @Inject WalletConfig walletConfig;

  @Inject Clock clock;

  @Override
  public Invoice requestInvoice(WalletRef maker, String offerId, long amount) {
    long max = walletConfig.limits().maxAmount();
    if (amount > max) {
      // the wallet would refuse to mint a paid invoice above its limit: never hand one out
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "An invoice may be for at most " + max + " sats (WALLET_MAX_TOKEN_SATS)");
    }
    QuoteLedger.Asked asked =
        quoteLedger
            .unheld(QuotePurpose.OFFER, offerId, amount)
            .orElseGet(
                () ->
                    quoteLedger.ask(
                        new QuoteOwner(maker.walletId(), maker.pubkey(), maker.sessionId()),
                        QuotePurpose.OFFER,
                        offerId,
                        null,
                        amount));
    return new Invoice(
        asked.recordId(), asked.quoteId(), asked.invoice(), amount, asked.expiresAt());
  }

  @Override
  public void holdInvoice(Invoice invoice) {
    if (!askedQuotes.hold(invoice.recordId(), now())) {
      throw new DomainException(
          ProblemCode.CONFLICT, "The offer's invoice was withdrawn meanwhile; ask for it again");
    }
  }

  @Override
  public InvoiceState invoiceState(String quoteId) {
    MintQuoteResponse quote;
    try {
      quote = mint.client().mintQuote(quoteId);
    } catch (MintException unknown) {
      return InvoiceState.UNKNOWN;
    } catch (RuntimeException e) {
      leased.countMintError(e);
      throw WalletOperationException.of(e, false);
    }
    return quote.state() == MintQuoteState.UNPAID ? InvoiceState.UNPAID : InvoiceState.PAID;
  }

  @Override
  public long mintHeld(WalletRef wallet, String quoteId, String owner) {
    recorded(wallet);
    return onWallet(wallet.walletId(), handle -> Handles.mintReserved(handle, quoteId, owner));
  }

  @Override
  public long hold(WalletRef wallet, long amount, String owner) {
    recorded(wallet);
    return onWallet(wallet.walletId(), handle -> Handles.reserve(handle, amount, owner));
  }

  @Override
  public long holdToken(WalletRef wallet, String token, long amount, String owner) {
    if (amount <= 0) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "Nothing is to be held");
    }
    long worth = worth(token);
    if (worth < amount) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "The token is worth " + worth + " sats; this needs at least " + amount);
    }
    recorded(wallet);
    return onWallet(
        wallet.walletId(),
        handle -> {
          // only the amount asked for is held; the rest of a larger token is spendable at once
          ReceiveResult in = Handles.receiveReserved(handle, token, amount, owner);
          long fee = in.fee();
          long shortfall = amount - Handles.reservedFor(handle, owner);
          if (shortfall > 0) {
            try {
              fee += Handles.reserve(handle, shortfall, owner);
            } catch (RuntimeException e) {
              // what the token brought stays in the wallet, spendable
              Handles.release(handle, owner);
              throw e;
            }
          }
          return fee;
        });
  }

  private static long worth(String token) {
    try {
      Token decoded = TokenCodec.decodeUnresolved(token);
      return decoded.amount();
    } catch (RuntimeException e) {
      throw new DomainException(
          ProblemCode.TOKEN_REJECTED, "This is not a Cashu token this wallet can read");
    }
  }

  @Override
  public long release(String walletId, String owner) {
    return onWallet(walletId, handle -> Handles.release(handle, owner));
  }

  @Override
  public long heldFor(String walletId, String owner) {
    return onWallet(walletId, handle -> Handles.reservedFor(handle, owner));
  }

  @Override
  public Sent send(String walletId, String owner, long amount, String memo) {
    return onWallet(
        walletId,
        handle -> {
          long held = Handles.reservedFor(handle, owner);
          if (held <= 0) {
            throw new DomainException(
                ProblemCode.INSUFFICIENT_FUNDS, "Nothing is held for this settlement any more");
          }
          return held <= amount
              ? Handles.sendAllReserved(handle, owner, memo)
              : Handles.sendReserved(handle, owner, amount, memo);
        });
  }

  @Override
  public Optional<Sent> findSent(String walletId, String memo) {
    return onWallet(walletId, handle -> Handles.outstanding(handle, memo));
  }

  @Override
  public int settleRedeemed(String walletId) {
    return onWallet(walletId, SessionWallet::reconcileInflight);
  }

  @Override
  public Received receive(String walletId, String token) {
    return onWallet(
        walletId,
        handle -> {
          ReceiveResult in = handle.receive(token);
          return new Received(in.amount(), in.fee());
        });
  }

  /** Runs {@code work} on the leased wallet; its balance goes to the wallet's or treasury's row. */
  private <T> T onWallet(String walletId, Function<SessionWallet, T> work) {
    return leased.run(walletId, work, this::snapshot);
  }

  private void recorded(WalletRef wallet) {
    if (walletRows.find(wallet.walletId()).isEmpty()) {
      walletRows.addIfAbsent(
          StoredWallet.forSession(wallet.walletId(), wallet.pubkey(), wallet.sessionId(), now()));
    }
  }

  private void snapshot(String walletId, BalanceReading reading) {
    if (walletId.equals(treasury.walletId())) {
      treasuryRows.recordBalance(
          reading.balance().spendable(),
          reading.balance().reserved(),
          reading.balance().inflight(),
          reading.at());
    } else {
      walletRows.recordBalance(walletId, reading.balance(), reading.at());
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** The reservation calls of a session wallet handle, in trading's terms. */
  private static final class Handles {

    private Handles() {}

    static long mintReserved(SessionWallet handle, String quoteId, String owner) {
      return handle.mintPaidQuote(quoteId, owner).amount();
    }

    static long reserve(SessionWallet handle, long amount, String owner) {
      return handle.reserve(amount, owner).fee();
    }

    static ReceiveResult receiveReserved(
        SessionWallet handle, String token, long amount, String owner) {
      return handle.receive(token, ReceiveOptions.defaults().reservingFor(owner, amount));
    }

    static long release(SessionWallet handle, String owner) {
      return handle.release(owner);
    }

    static long reservedFor(SessionWallet handle, String owner) {
      return handle.reservedFor(owner);
    }

    static Sent sendAllReserved(SessionWallet handle, String owner, String memo) {
      return sent(handle.sendReserved(owner, SendOptions.defaults().withMemo(memo)));
    }

    static Sent sendReserved(SessionWallet handle, String owner, long amount, String memo) {
      return sent(handle.sendReserved(owner, amount, SendOptions.defaults().withMemo(memo)));
    }

    static Optional<Sent> outstanding(SessionWallet handle, String memo) {
      for (SendResult token : handle.outstandingTokens()) {
        if (memo.equals(memoOf(token.token()))) {
          return Optional.of(sent(token));
        }
      }
      return Optional.empty();
    }

    private static String memoOf(String token) {
      try {
        return TokenCodec.decodeUnresolved(token).memo();
      } catch (RuntimeException unreadable) {
        return null;
      }
    }

    private static Sent sent(SendResult result) {
      return new Sent(result.token(), result.amount(), result.fee());
    }
  }
}
