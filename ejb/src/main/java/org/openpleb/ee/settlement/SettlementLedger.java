package org.openpleb.ee.settlement;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openpleb.ee.platform.SecretBox;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * The settlements and their steps in the shared database. Opening a settlement joins the
 * transaction that ends the offer; every later change is its own transaction and a compare-and-set
 * on the step's state, so a step is recorded before its wallet call and a resumed saga never
 * repeats one that finished.
 */
@Stateless
public class SettlementLedger {

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Inject Event<SettlementCompleted> completed;

  @EJB WalletRegistry registry;

  /**
   * Records the settlement of {@code order} with the payout {@code table} gives it and the steps
   * that realise it: the transfers of the plan, then the release of each hold.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Settlement open(SettlementOrder order, PayoutTable table, OffsetDateTime now) {
    Payout payout = table.payout(order.outcome(), order.terms());
    Settlement settlement = new Settlement(order.offerId(), order.outcome(), payout, now);
    em.persist(settlement);
    for (SettlementStep step : steps(order, payout, now)) {
      em.persist(step);
    }
    em.flush();
    return settlement;
  }

  /**
   * The steps that realise {@code payout} for {@code order}: the transfers of its {@link
   * TransferPlan}, each out of the paying party's hold into the receiving party's wallet, then the
   * release of each hold to its owner. Nothing held means no steps.
   */
  static List<SettlementStep> steps(SettlementOrder order, Payout payout, OffsetDateTime now) {
    List<SettlementStep> steps = new java.util.ArrayList<>();
    if (order.maker() == null) {
      return steps;
    }
    long makerHolds = order.terms().makerFunding();
    long takerHolds = order.taker() == null ? 0 : order.terms().bond();
    TransferPlan plan = TransferPlan.of(payout, makerHolds, takerHolds);
    int seq = 1;
    for (Transfer t : plan.transfers()) {
      Hold from = t.from() == Party.MAKER ? order.maker() : order.taker();
      String to =
          switch (t.to()) {
            case MAKER -> order.makerWalletId();
            case TAKER -> order.taker().walletId();
            case PLATFORM -> order.treasuryWalletId();
          };
      steps.add(
          new SettlementStep(
              order.offerId(),
              seq++,
              SettlementStep.Kind.TRANSFER,
              t.from(),
              t.to(),
              from.walletId(),
              from.owner().key(),
              to,
              t.amount(),
              now));
    }
    steps.add(release(order.offerId(), seq++, Party.MAKER, order.maker(), plan.makerKeeps(), now));
    if (order.taker() != null) {
      steps.add(release(order.offerId(), seq, Party.TAKER, order.taker(), plan.takerKeeps(), now));
    }
    return steps;
  }

  private static SettlementStep release(
      String offerId, int seq, Party party, Hold hold, long keeps, OffsetDateTime now) {
    return new SettlementStep(
        offerId,
        seq,
        SettlementStep.Kind.RELEASE,
        party,
        party,
        hold.walletId(),
        hold.owner().key(),
        hold.walletId(),
        keeps,
        now);
  }

  /** The settlement of an offer. */
  public Optional<Settlement> find(String offerId) {
    Settlement s = em.find(Settlement.class, offerId);
    if (s != null) {
      em.refresh(s);
    }
    return Optional.ofNullable(s);
  }

  /** The steps of an offer's settlement, in order. */
  public List<SettlementStep> steps(String offerId) {
    return em.createQuery(
            "SELECT s FROM SettlementStep s WHERE s.offerId = :id ORDER BY s.seq",
            SettlementStep.class)
        .setParameter("id", offerId)
        .getResultList();
  }

  /** Settlements with work left whose next attempt is due, oldest first. */
  public List<String> dueIds(OffsetDateTime now, int max) {
    return em.createQuery(
            "SELECT s.offerId FROM Settlement s WHERE s.state = :pending"
                + " AND s.nextAttemptAt <= :now AND (s.leaseUntil IS NULL OR s.leaseUntil < :now)"
                + " ORDER BY s.nextAttemptAt",
            String.class)
        .setParameter("pending", Settlement.State.PENDING)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Settlements not done yet. */
  public long countPending() {
    return em.createQuery("SELECT COUNT(s) FROM Settlement s WHERE s.state = :pending", Long.class)
        .setParameter("pending", Settlement.State.PENDING)
        .getSingleResult();
  }

  /**
   * Takes a pending settlement for one run until {@code until}, unless another run holds it: of
   * several threads or servers, only one works a settlement at a time. A run that died leaves its
   * lease to run out.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean take(String offerId, OffsetDateTime now, OffsetDateTime until) {
    return em.createQuery(
                "UPDATE Settlement s SET s.leaseUntil = :until WHERE s.offerId = :id"
                    + " AND s.state = :pending AND (s.leaseUntil IS NULL OR s.leaseUntil < :now)")
            .setParameter("until", until)
            .setParameter("id", offerId)
            .setParameter("pending", Settlement.State.PENDING)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /**
   * Extends this run's lease from {@code held} to {@code until}; false when the lease is no longer
   * this run's (it ran out and another run took the settlement).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean renew(String offerId, OffsetDateTime held, OffsetDateTime until) {
    return em.createQuery(
                "UPDATE Settlement s SET s.leaseUntil = :until WHERE s.offerId = :id"
                    + " AND s.state = :pending AND s.leaseUntil = :held")
            .setParameter("until", until)
            .setParameter("id", offerId)
            .setParameter("pending", Settlement.State.PENDING)
            .setParameter("held", held)
            .executeUpdate()
        == 1;
  }

  /** Moves a step from {@code from} to {@code to}; whether it was still in {@code from}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean advance(
      String offerId,
      int seq,
      SettlementStep.State from,
      SettlementStep.State to,
      OffsetDateTime now) {
    return em.createQuery(
                "UPDATE SettlementStep s SET s.state = :to, s.updatedAt = :now"
                    + " WHERE s.offerId = :id AND s.seq = :seq AND s.state = :from")
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("id", offerId)
            .setParameter("seq", seq)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }

  /**
   * Records what a PLANNED release finds in its hold before returning it: the step becomes SENDING
   * with that amount, so a run resumed after the hold was returned (the wallet then releases 0)
   * records what really went back to the owner.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean recordReleasing(String offerId, int seq, long held, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE SettlementStep s SET s.state = :sending, s.sentAmount = :held,"
                    + " s.updatedAt = :now"
                    + " WHERE s.offerId = :id AND s.seq = :seq AND s.state = :planned")
            .setParameter("sending", SettlementStep.State.SENDING)
            .setParameter("held", held)
            .setParameter("now", now)
            .setParameter("id", offerId)
            .setParameter("seq", seq)
            .setParameter("planned", SettlementStep.State.PLANNED)
            .executeUpdate()
        == 1;
  }

  /** Records the token a SENDING transfer made: the step becomes SENT. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean recordSent(String offerId, int seq, TradeWallets.Sent sent, OffsetDateTime now) {
    return em.createQuery(
                "UPDATE SettlementStep s SET s.state = :sent, s.token = :token,"
                    + " s.sentAmount = :amount, s.sendFee = :fee, s.updatedAt = :now"
                    + " WHERE s.offerId = :id AND s.seq = :seq AND s.state = :sending")
            .setParameter("sent", SettlementStep.State.SENT)
            .setParameter("token", tokens().seal(sent.token(), tokenContext(offerId, seq)))
            .setParameter("amount", sent.amount())
            .setParameter("fee", sent.fee())
            .setParameter("now", now)
            .setParameter("id", offerId)
            .setParameter("seq", seq)
            .setParameter("sending", SettlementStep.State.SENDING)
            .executeUpdate()
        == 1;
  }

  /**
   * Finishes a step with what arrived (a transfer's net amount, or what a release returned) and
   * forgets its token.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean recordDone(
      String offerId,
      int seq,
      SettlementStep.State from,
      long received,
      long receiveFee,
      OffsetDateTime now) {
    return em.createQuery(
                "UPDATE SettlementStep s SET s.state = :done, s.token = NULL,"
                    + " s.receivedAmount = :received, s.receiveFee = :fee, s.updatedAt = :now"
                    + " WHERE s.offerId = :id AND s.seq = :seq AND s.state = :from")
            .setParameter("done", SettlementStep.State.DONE)
            .setParameter("received", received)
            .setParameter("fee", receiveFee)
            .setParameter("now", now)
            .setParameter("id", offerId)
            .setParameter("seq", seq)
            .setParameter("from", from)
            .executeUpdate()
        == 1;
  }

  /**
   * Marks the settlement DONE once every step is, and announces it in the same transaction.
   *
   * @return whether this call finished it
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean complete(String offerId, OffsetDateTime now) {
    List<SettlementStep> steps = steps(offerId);
    if (steps.stream().anyMatch(s -> s.state() != SettlementStep.State.DONE)) {
      return false;
    }
    long fees = steps.stream().mapToLong(s -> s.sendFee() + s.receiveFee()).sum();
    boolean done =
        em.createQuery(
                    "UPDATE Settlement s SET s.state = :done, s.completedAt = :now,"
                        + " s.leaseUntil = NULL, s.mintFees = :fees, s.lastError = NULL"
                        + " WHERE s.offerId = :id AND s.state = :pending")
                .setParameter("done", Settlement.State.DONE)
                .setParameter("now", now)
                .setParameter("fees", fees)
                .setParameter("id", offerId)
                .setParameter("pending", Settlement.State.PENDING)
                .executeUpdate()
            == 1;
    if (done) {
      Settlement settlement = find(offerId).orElseThrow();
      completed.fire(
          new SettlementCompleted(
              offerId,
              settlement.outcome(),
              settlement.payout(),
              arrived(steps, Party.MAKER),
              arrived(steps, Party.TAKER),
              arrived(steps, Party.PLATFORM),
              fees,
              took(settlement.createdAt(), now)));
    }
    return done;
  }

  private static Duration took(OffsetDateTime from, OffsetDateTime to) {
    Duration took = Duration.between(from, to);
    return took.isNegative() ? Duration.ZERO : took;
  }

  private static long arrived(List<SettlementStep> steps, Party party) {
    return steps.stream()
        .filter(s -> s.toParty() == party)
        .mapToLong(s -> s.receivedAmount().orElse(0L))
        .sum();
  }

  /** Ends a failed run: frees the settlement and schedules the next attempt. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(String offerId, String error, OffsetDateTime nextAttemptAt) {
    em.createQuery(
            "UPDATE Settlement s SET s.attempts = s.attempts + 1, s.leaseUntil = NULL,"
                + " s.nextAttemptAt = :next, s.lastError = :error WHERE s.offerId = :id")
        .setParameter("next", nextAttemptAt)
        .setParameter("error", error.length() > 200 ? error.substring(0, 200) : error)
        .setParameter("id", offerId)
        .executeUpdate();
  }

  /** The token a SENT step carries: a bearer secret, for the settler only. */
  public Optional<String> tokenOf(String offerId, int seq) {
    SettlementStep step = em.find(SettlementStep.class, key(offerId, seq));
    if (step == null) {
      return Optional.empty();
    }
    em.refresh(step);
    // A step recorded before tokens were sealed holds the token as it is.
    return step.token()
        .map(
            token ->
                SecretBox.sealed(token) ? tokens().open(token, tokenContext(offerId, seq)) : token);
  }

  private SecretBox tokens() {
    return registry.settlementTokenBox();
  }

  /** Binds a sealed token to its step, so it opens in no other row. */
  private static byte[] tokenContext(String offerId, int seq) {
    return ("openpleb settlement token\n" + offerId + "\n" + seq).getBytes(StandardCharsets.UTF_8);
  }

  private static SettlementStep.Key key(String offerId, int seq) {
    return new SettlementStep.Key(offerId, seq);
  }
}
