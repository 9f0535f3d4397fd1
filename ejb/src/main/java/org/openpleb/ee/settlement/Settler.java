package org.openpleb.ee.settlement;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Works off a settlement, step by step, moving sats between the parties' wallets. Each step is
 * recorded before its wallet call and after it, so the run can stop anywhere (a crash, the mint
 * gone) and a later run resumes it: a transfer found SENDING first looks for the token it may
 * already have made; one found SENT receives the recorded token; a release records what its hold
 * holds before returning it, so a resumed release that finds the hold already returned records that
 * amount.
 *
 * <p>Runs outside transactions: wallet calls may take seconds, and each record commits on its own.
 * A run holds the settlement's lease, so only one run works a settlement at a time, on any server.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Settler {

  private static final Logger LOG = Logger.getLogger(Settler.class.getName());

  /** The longest wait between two attempts of a failing settlement. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  @EJB SettlementLedger ledger;

  @Inject TradeWallets wallets;

  @Inject Clock clock;

  @Inject Instance<SettlementProbe> probes;

  @Inject SettlementConfig config;

  /**
   * Runs the offer's settlement to its end if it is pending and nobody else runs it.
   *
   * @return whether the settlement is done after this call
   */
  public boolean settle(String offerId) {
    OffsetDateTime now = now();
    OffsetDateTime lease = now.plus(lease());
    if (!ledger.take(offerId, now, lease)) {
      return ledger.find(offerId).map(s -> s.state() == Settlement.State.DONE).orElse(false);
    }
    try {
      for (SettlementStep step : ledger.steps(offerId)) {
        OffsetDateTime renewed = now().plus(lease());
        if (!ledger.renew(offerId, lease, renewed)) {
          LOG.log(Level.WARNING, "Settlement of offer {0}: lease lost to another run", offerId);
          return false;
        }
        lease = renewed;
        run(step);
      }
      boolean done = ledger.complete(offerId, now());
      if (done) {
        LOG.log(Level.INFO, "Settlement of offer {0} done", offerId);
      }
      return done;
    } catch (RuntimeException e) {
      Settlement settlement = ledger.find(offerId).orElseThrow();
      Duration wait = backoff(settlement.attempts());
      String reason =
          e instanceof DomainException d ? d.code().name() : e.getClass().getSimpleName();
      ledger.failed(offerId, reason, now().plus(wait));
      if (e instanceof DomainException) {
        LOG.log(
            Level.WARNING,
            "Settlement of offer {0} stopped ({1}); retry in {2} s",
            new Object[] {offerId, reason, wait.toSeconds()});
      } else {
        LOG.log(Level.WARNING, "Settlement of offer " + offerId + " failed; will retry", e);
      }
      return false;
    }
  }

  private void run(SettlementStep step) {
    switch (step.kind()) {
      case RELEASE -> runRelease(step);
      case TRANSFER -> runTransfer(step);
    }
  }

  private void runRelease(SettlementStep step) {
    if (step.state() == SettlementStep.State.DONE) {
      return;
    }
    SettlementStep.State state = step.state();
    long held;
    if (state == SettlementStep.State.PLANNED) {
      // what goes back is recorded first: a run that dies after the wallet returned the hold
      // leaves nothing in it for the next run to count
      held = wallets.heldFor(step.fromWalletId(), step.fromOwner());
      ledger.recordReleasing(step.offerId(), step.seq(), held, now());
      probe(step, SettlementProbe.Point.SENDING_RECORDED);
      state = SettlementStep.State.SENDING;
    } else {
      held = step.sentAmount().orElse(0L);
    }
    long released = wallets.release(step.fromWalletId(), step.fromOwner());
    probe(step, SettlementProbe.Point.RECEIVED);
    // 0 on resume means the run that died returned the hold: it returned what it recorded
    long recorded = released > 0 ? released : held;
    ledger.recordDone(step.offerId(), step.seq(), state, recorded, 0, now());
    probe(step, SettlementProbe.Point.DONE_RECORDED);
  }

  private void runTransfer(SettlementStep step) {
    SettlementStep.State state = step.state();
    if (state == SettlementStep.State.DONE) {
      return;
    }
    if (state == SettlementStep.State.PLANNED) {
      ledger.advance(step.offerId(), step.seq(), state, SettlementStep.State.SENDING, now());
      probe(step, SettlementProbe.Point.SENDING_RECORDED);
      state = SettlementStep.State.SENDING;
    }
    if (state == SettlementStep.State.SENDING) {
      // a run that died after the wallet made the token left it outstanding under this memo
      Optional<TradeWallets.Sent> earlier = wallets.findSent(step.fromWalletId(), step.memo());
      TradeWallets.Sent sent =
          earlier.orElseGet(
              () ->
                  wallets.send(step.fromWalletId(), step.fromOwner(), step.amount(), step.memo()));
      probe(step, SettlementProbe.Point.TOKEN_MADE);
      ledger.recordSent(step.offerId(), step.seq(), sent, now());
      probe(step, SettlementProbe.Point.SENT_RECORDED);
      state = SettlementStep.State.SENT;
    }
    String token =
        ledger
            .tokenOf(step.offerId(), step.seq())
            .orElseThrow(() -> new IllegalStateException("a SENT step without its token"));
    long received;
    long fee;
    try {
      TradeWallets.Received in = wallets.receive(step.toWalletId(), token);
      probe(step, SettlementProbe.Point.RECEIVED);
      received = in.amount();
      fee = in.fee();
    } catch (DomainException e) {
      if (e.code() != ProblemCode.TOKEN_ALREADY_SPENT) {
        throw e;
      }
      // The token never left the server, so only this step can have redeemed it: the run that did
      // died before recording it. The receiving wallet holds the sats; what it netted is unknown.
      LOG.log(
          Level.WARNING,
          "Settlement step {0} of offer {1} was received before; recording it done",
          new Object[] {step.seq(), step.offerId()});
      received = step.sentAmount().orElse(step.amount());
      fee = 0;
    }
    ledger.recordDone(step.offerId(), step.seq(), state, received, fee, now());
    probe(step, SettlementProbe.Point.DONE_RECORDED);
    settleSender(step);
  }

  /**
   * The token was redeemed by the receiving wallet, but the paying wallet still counts it in flight
   * until the mint confirms it spent: ask now, so the payer's balance is true at once. The transfer
   * is done whatever the answer; a payer the mint cannot settle now is left to the in-flight sweep.
   */
  private void settleSender(SettlementStep step) {
    try {
      wallets.settleRedeemed(step.fromWalletId());
    } catch (RuntimeException e) {
      String reason =
          e instanceof DomainException d ? d.code().name() : e.getClass().getSimpleName();
      LOG.log(
          Level.INFO,
          "Settlement step {0} of offer {1}: the payer''s token is left to the in-flight sweep"
              + " ({2})",
          new Object[] {step.seq(), step.offerId(), reason});
    }
  }

  private void probe(SettlementStep step, SettlementProbe.Point reached) {
    if (!probes.isUnsatisfied()) {
      probes.forEach(p -> p.reached(step.offerId(), step.seq(), step.kind(), reached));
    }
  }

  private Duration lease() {
    return config.lease();
  }

  /** The wait before the next attempt: five seconds doubling per attempt, up to five minutes. */
  static Duration backoff(int attempts) {
    long seconds = 5L << Math.min(10, Math.max(0, attempts));
    Duration wait = Duration.ofSeconds(seconds);
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
