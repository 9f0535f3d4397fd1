package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openpleb.cashu.wallet.ReceiveResult;
import org.openpleb.cashu.wallet.SendResult;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The tokens handed out of session wallets to their owners ({@link SentToken}): the owner lists the
 * unclaimed ones, with the token text read from the wallet's journal so it can be taken again, and
 * reclaims any of them into the wallet it came from; the in-flight sweep marks the ones the mint
 * reports redeemed ({@link #settle}).
 *
 * <p>The rule: an unclaimed token is never taken back automatically, however old. Whoever holds it
 * owns its sats (the owner may have passed it on), so only its holder's redemption or its owner's
 * reclaim ends it.
 *
 * <p>A row is written before the wallet sends; one whose send never happened (the server died in
 * between, or the send failed in doubt and was undone) is dropped once it is older than {@link
 * #VOID_AFTER}, so a send still running is never mistaken for one that did not happen.
 *
 * <p>Runs outside transactions: reading a token or reclaiming it opens the wallet and may ask the
 * mint.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SentTokens {

  private static final Logger LOG = Logger.getLogger(SentTokens.class.getName());

  /** The most tokens one page lists. */
  public static final int MAX_PAGE = 50;

  /** The most tokens of one wallet one sweep looks at. */
  static final int SETTLE_BATCH = 200;

  /** How old a row must be before a missing send counts as one that never happened. */
  static final Duration VOID_AFTER = Duration.ofMinutes(10);

  @Inject LeasedWallets leased;

  @EJB SentTokenRepository tokens;

  @EJB WalletRepository wallets;

  @Inject Clock clock;

  /** One unclaimed token with its text, as its owner may take it again. */
  public record Listed(SentToken record, String token) {
    @Override
    public String toString() {
      return "Listed[" + record + "]";
    }
  }

  /** What a reclaim put back into the wallet. */
  public record Reclaimed(SentToken record, long amount, long fee, WalletBalance balance) {}

  /**
   * The caller's unclaimed tokens, newest first, at most {@code limit} (1 to {@link #MAX_PAGE}),
   * each with its text from the journal of the wallet that made it.
   */
  public List<Listed> unclaimed(SessionPrincipal session, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "limit must be from 1 to " + MAX_PAGE);
    }
    List<SentToken> rows = tokens.unclaimedOf(session.pubkey(), limit);
    Map<String, List<SentToken>> byWallet =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    SentToken::walletId, LinkedHashMap::new, Collectors.toList()));
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, List<SentToken>> wallet : byWallet.entrySet()) {
      texts.putAll(read(wallet.getKey(), wallet.getValue()));
    }
    List<Listed> listed = new ArrayList<>();
    for (SentToken row : rows) {
      String text = texts.get(row.id());
      if (text != null) {
        listed.add(new Listed(row, text));
      }
    }
    return listed;
  }

  /**
   * Takes one of the caller's unclaimed tokens back into the wallet it came from (the mint's input
   * fee applies).
   *
   * @throws DomainException NOT_FOUND (not one of the caller's tokens), TOKEN_ALREADY_SPENT (its
   *     holder redeemed it), CONFLICT (reclaimed already)
   */
  public Reclaimed reclaim(SessionPrincipal session, String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    SentToken row =
        tokens
            .find(wanted)
            .filter(t -> t.pubkey().equals(session.pubkey()))
            .orElseThrow(
                () -> new DomainException(ProblemCode.NOT_FOUND, "You have no token with this id"));
    switch (row.state()) {
      case CLAIMED -> throw alreadyClaimed();
      case RECLAIMED ->
          throw new DomainException(ProblemCode.CONFLICT, "This token was reclaimed already");
      default -> {
        // UNCLAIMED: take it back below
      }
    }
    if (retired(row.walletId(), List.of(row))) {
      throw alreadyClaimed();
    }
    Optional<ReceiveResult> back =
        leased.run(
            row.walletId(),
            w -> {
              Optional<SendResult> sent = w.sent(row.operationId());
              if (sent.isEmpty() || !outstanding(w).contains(row.operationId())) {
                return Optional.empty();
              }
              try {
                return Optional.of(w.reclaim(sent.get().operationId()));
              } catch (WalletOperationException e) {
                if (e.code() == ProblemCode.WALLET_OPERATION_FAILED
                    && !outstanding(w).contains(row.operationId())) {
                  // the mint reported every proof spent while reclaiming: its holder was first
                  return Optional.empty();
                }
                throw e;
              }
            });
    if (back.isEmpty()) {
      tokens.mark(row.id(), SentTokenState.UNCLAIMED, SentTokenState.CLAIMED, now());
      throw alreadyClaimed();
    }
    // the sweep may have seen the token leave the outstanding ones in between and taken it for
    // redeemed: this reclaim is what ended it
    if (!tokens.mark(row.id(), SentTokenState.UNCLAIMED, SentTokenState.RECLAIMED, now())) {
      tokens.mark(row.id(), SentTokenState.CLAIMED, SentTokenState.RECLAIMED, now());
    }
    LOG.log(
        Level.INFO,
        "Wallet {0}: an unclaimed token of {1} sats was reclaimed by its owner ({2} back)",
        new Object[] {row.walletId(), row.amount(), back.get().amount()});
    WalletBalance balance =
        wallets.find(row.walletId()).map(StoredWallet::balance).orElse(WalletBalance.ZERO);
    return new Reclaimed(
        row.in(SentTokenState.RECLAIMED, now()), back.get().amount(), back.get().fee(), balance);
  }

  /**
   * Brings the rows of wallet {@code walletId} in line with its journal, on its leased handle
   * (after the wallet settled what the mint reports redeemed): a token no longer outstanding is
   * CLAIMED; a row whose send never happened is dropped once older than {@link #VOID_AFTER}.
   * Unclaimed tokens stay as they are.
   *
   * @return how many rows were marked claimed
   */
  public int settle(String walletId, SessionWallet wallet) {
    List<SentToken> rows = tokens.unclaimedIn(walletId, SETTLE_BATCH);
    if (rows.isEmpty()) {
      return 0;
    }
    Set<String> outstanding = outstanding(wallet);
    OffsetDateTime now = now();
    int claimed = 0;
    for (SentToken row : rows) {
      if (outstanding.contains(row.operationId())) {
        continue;
      }
      Optional<SendResult> sent;
      try {
        sent = wallet.sent(row.operationId());
      } catch (WalletOperationException inDoubt) {
        continue;
      }
      if (sent.isPresent()) {
        if (tokens.mark(row.id(), SentTokenState.UNCLAIMED, SentTokenState.CLAIMED, now)) {
          claimed++;
        }
      } else if (row.createdAt().isBefore(now.minus(VOID_AFTER))) {
        tokens.delete(row.id());
      }
    }
    return claimed;
  }

  /** The texts of the rows' tokens, by row id, from their wallet's journal. */
  private Map<String, String> read(String walletId, List<SentToken> rows) {
    if (retired(walletId, rows)) {
      return Map.of();
    }
    try {
      return leased.run(
          walletId,
          w -> {
            Map<String, String> texts = new LinkedHashMap<>();
            for (SentToken row : rows) {
              try {
                Optional<SendResult> sent = w.sent(row.operationId());
                if (sent.isPresent()) {
                  texts.put(row.id(), sent.get().token());
                } else if (row.createdAt().isBefore(now().minus(VOID_AFTER))) {
                  tokens.delete(row.id());
                }
              } catch (WalletOperationException inDoubt) {
                // its outcome is settled later; it is listed once known
              }
            }
            return texts;
          });
    } catch (RuntimeException e) {
      // the wallet cannot be opened now: its tokens are listed on a later call
      LOG.log(
          Level.WARNING,
          "Wallet {0}: sent tokens not readable now ({1})",
          new Object[] {walletId, e.getClass().getSimpleName()});
      return Map.of();
    }
  }

  /**
   * Whether the wallet is gone: retirement deletes a wallet only once the mint reported every token
   * it sent claimed, so its rows still UNCLAIMED are marked CLAIMED (and its file is not opened,
   * which would create an empty one).
   */
  private boolean retired(String walletId, List<SentToken> rows) {
    if (wallets.find(walletId).isPresent()) {
      return false;
    }
    OffsetDateTime now = now();
    rows.forEach(
        row -> tokens.mark(row.id(), SentTokenState.UNCLAIMED, SentTokenState.CLAIMED, now));
    return true;
  }

  /**
   * The operation ids of the wallet's outstanding tokens, as the caller named them (a send retried
   * after a keyset rotation carries a suffix after {@code ~}).
   */
  private static Set<String> outstanding(SessionWallet wallet) {
    return wallet.outstandingTokens().stream()
        .map(SendResult::operationId)
        .map(id -> id.contains("~") ? id.substring(0, id.indexOf('~')) : id)
        .collect(Collectors.toSet());
  }

  private static DomainException alreadyClaimed() {
    return new DomainException(
        ProblemCode.TOKEN_ALREADY_SPENT,
        "This token was already claimed by whoever held it; nothing can be reclaimed");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
