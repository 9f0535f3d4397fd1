package org.openpleb.ee.restore;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.wallet.AdoptedToken;
import org.openpleb.cashu.wallet.Balance;
import org.openpleb.cashu.wallet.InsufficientFundsException;
import org.openpleb.cashu.wallet.RestoreReport;
import org.openpleb.cashu.wallet.Wallet;
import org.openpleb.cashu.wallet.WalletException;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.settlement.Settlement;
import org.openpleb.ee.treasury.Treasury;
import org.openpleb.ee.treasury.TreasuryRepository;
import org.openpleb.ee.wallet.WalletBalance;
import org.openpleb.ee.wallet.WalletIds;
import org.openpleb.ee.wallet.WalletOperationException;
import org.openpleb.ee.wallet.WalletRegistry;
import org.openpleb.ee.wallet.WalletRepository;

/**
 * Rebuilds a lost or corrupt wallet file from the master secret and puts back what PostgreSQL
 * knows: the wallet is taken out of use, a new file is restored from the seed (NUT-13 + NUT-09),
 * the tokens it handed out that may be unclaimed go back in flight (or are marked spent when the
 * mint says they were claimed), the holds of its offers are reserved again under their owner
 * labels, the new file replaces the old one (kept aside, never deleted), and the wallet's balance
 * row is written.
 *
 * <p>Refused while the wallet is in use: a lease or an operation on it, a funding or claim
 * reserving in it, or a settlement run paying from or to it. A request that reaches the wallet
 * while it is rebuilt waits and is then told WALLET_BUSY.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WalletRestore {

  private static final Logger LOG = Logger.getLogger(WalletRestore.class.getName());

  @EJB WalletRegistry registry;

  @EJB WalletRepository walletRows;

  @EJB Treasury treasury;

  @EJB TreasuryRepository treasuryRows;

  @Inject ExpectedHolds holds;

  @Inject @Any Instance<UnclaimedTokenSource> sources;

  @Inject Clock clock;

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  /**
   * Restores wallet {@code walletId} from its seed and re-applies its holds and unclaimed tokens.
   *
   * @throws DomainException NOT_FOUND for a wallet the platform does not know; CONFLICT while the
   *     wallet is in use or in a settlement; MINT_UNAVAILABLE when the mint cannot be asked (the
   *     wallet is left as it was)
   */
  public RestoreOutcome restore(String walletId) {
    String id = known(walletId);
    boolean isTreasury = id.equals(treasury.walletId());
    // asked before the wallet is touched for a quick answer, and again once it is out of use
    refuseWhileInUse(id);
    WalletRegistry.Rebuilt<RestoreOutcome> rebuilt;
    try {
      rebuilt =
          registry.rebuild(
              id,
              () -> {
                refuseWhileInUse(id);
                Map<String, Long> expected = isTreasury ? Map.of() : holds.expectedHolds(id);
                Set<String> tokens = new LinkedHashSet<>();
                for (UnclaimedTokenSource source : sources) {
                  tokens.addAll(source.tokens(id));
                }
                return wallet -> rebuild(id, wallet, expected, tokens);
              });
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw WalletOperationException.of(e, false);
    }
    RestoreOutcome outcome = rebuilt.result();
    outcome =
        new RestoreOutcome(
            outcome.walletId(),
            outcome.proofs(),
            outcome.sats(),
            outcome.spentProofs(),
            outcome.tokensInFlight(),
            outcome.inflightSats(),
            outcome.claimedSats(),
            outcome.holds(),
            outcome.balance(),
            rebuilt.keptAside());
    record(id, isTreasury, outcome.balance());
    LOG.log(
        outcome.complete() ? Level.WARNING : Level.SEVERE,
        "Wallet {0} restored from its seed: {1} sats in {2} proofs, {3} token(s) of {4} sats in"
            + " flight, {5} of {6} hold(s) reserved in full; balance {7}",
        new Object[] {
          id,
          String.valueOf(outcome.sats()),
          outcome.proofs(),
          outcome.tokensInFlight(),
          String.valueOf(outcome.inflightSats()),
          outcome.holds().stream().filter(h -> h.reserved() == h.expected()).count(),
          outcome.holds().size(),
          outcome.balance()
        });
    return outcome;
  }

  private RestoreOutcome rebuild(
      String id, Wallet wallet, Map<String, Long> expected, Set<String> tokens) {
    RestoreReport found = wallet.restoreFromSeed();
    int inFlight = 0;
    long inflightSats = 0;
    long claimedSats = 0;
    for (String token : tokens) {
      try {
        AdoptedToken adopted = wallet.adoptSentToken(token);
        if (adopted.operationId() != null) {
          inFlight++;
        }
        inflightSats += adopted.inflight();
        claimedSats += adopted.spent();
      } catch (WalletException unreadable) {
        LOG.log(
            Level.WARNING,
            "Wallet {0}: a recorded token could not be read back ({1})",
            new Object[] {id, unreadable.getMessage()});
      }
    }
    List<RestoreOutcome.RestoredHold> restored = new ArrayList<>();
    for (Map.Entry<String, Long> hold : expected.entrySet()) {
      restored.add(
          new RestoreOutcome.RestoredHold(
              hold.getKey(), hold.getValue(), reserve(wallet, hold.getKey(), hold.getValue())));
    }
    Balance b = wallet.balance();
    return new RestoreOutcome(
        id,
        found.proofs(),
        found.amount(),
        found.spent(),
        inFlight,
        inflightSats,
        claimedSats,
        List.copyOf(restored),
        new WalletBalance(b.spendable(), b.reserved(), b.inflight()),
        Optional.empty());
  }

  /**
   * Reserves {@code sats} for {@code owner}; when the wallet no longer holds that much spendable,
   * reserves what it has, so the hold's settlement pays what there is and the shortfall is
   * reported.
   */
  private long reserve(Wallet wallet, String owner, long sats) {
    try {
      wallet.reserve(sats, owner);
    } catch (InsufficientFundsException short1) {
      long spendable = wallet.balance().spendable();
      if (spendable > 0) {
        try {
          wallet.reserve(spendable, owner);
        } catch (InsufficientFundsException short2) {
          // the swap's fee does not fit either: the hold stays as it is
        }
      }
      LOG.log(
          Level.SEVERE,
          "Hold {0} expects {1} sats; the restored wallet holds only {2} for it",
          new Object[] {owner, String.valueOf(sats), String.valueOf(wallet.reservedFor(owner))});
    }
    return wallet.reservedFor(owner);
  }

  private String known(String walletId) {
    String id;
    try {
      id = WalletIds.require(walletId);
    } catch (IllegalArgumentException e) {
      throw new DomainException(ProblemCode.NOT_FOUND, "No such wallet");
    }
    if (!id.equals(treasury.walletId()) && walletRows.find(id).isEmpty()) {
      throw new DomainException(ProblemCode.NOT_FOUND, "No such wallet");
    }
    return id;
  }

  private void refuseWhileInUse(String id) {
    OffsetDateTime now = now();
    long attempts =
        em.createQuery(
                "SELECT COUNT(o) FROM Offer o WHERE o.attemptWalletId = :wallet"
                    + " AND o.attemptUntil > :now",
                Long.class)
            .setParameter("wallet", id)
            .setParameter("now", now)
            .getSingleResult();
    if (attempts > 0) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "A funding or claim is reserving sats in this wallet now; retry once it has ended");
    }
    long settling =
        em.createQuery(
                "SELECT COUNT(s) FROM Settlement s WHERE s.state = :pending"
                    + " AND s.leaseUntil > :now AND s.offerId IN (SELECT st.offerId FROM"
                    + " SettlementStep st WHERE st.fromWalletId = :wallet OR st.toWalletId ="
                    + " :wallet)",
                Long.class)
            .setParameter("pending", Settlement.State.PENDING)
            .setParameter("now", now)
            .setParameter("wallet", id)
            .getSingleResult();
    if (settling > 0) {
      throw new DomainException(
          ProblemCode.CONFLICT,
          "A settlement is paying from or to this wallet now; retry once it has run");
    }
  }

  private void record(String id, boolean isTreasury, WalletBalance balance) {
    OffsetDateTime at = now();
    if (isTreasury) {
      treasuryRows.recordBalance(balance.spendable(), balance.reserved(), balance.inflight(), at);
    } else {
      walletRows.recordBalance(id, balance, at);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
