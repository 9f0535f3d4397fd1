package org.openpleb.ee.offer;

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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.settlement.SettlementLedger;
import org.openpleb.ee.settlement.Settler;
import org.openpleb.ee.settlement.TradeWallets;

/**
 * Enforces the deadlines: expires every offer whose state's deadline passed and settles it by the
 * payout table, resumes settlements a crash or a failure left pending, and undoes funding and claim
 * attempts whose request died. Each offer is taken with {@code FOR UPDATE SKIP LOCKED} and handled
 * in its own transaction on a small worker pool, so a failing offer is put aside with a backoff and
 * never holds up the others; running it twice, or on several servers, handles each offer once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfferSweeper {

  private static final Logger LOG = Logger.getLogger(OfferSweeper.class.getName());

  /** Offers taken per query; a sweep repeats while batches come back full and make progress. */
  static final int BATCH = 500;

  /** The most batches one sweep works through, so one run cannot go on for ever. */
  static final int MAX_BATCHES = 20;

  /** How long past its time an attempt is left alone, so a slow request commits or gives up. */
  static final Duration ATTEMPT_GRACE = Duration.ofMinutes(1);

  /** The longest wait before an offer whose expiry failed is tried again. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  @EJB OfferRepository offers;

  @EJB OfferTransitions transitions;

  @EJB SettlementLedger settlements;

  @EJB Settler settler;

  @Inject TradeWallets wallets;

  @Inject Clock clock;

  @Inject TradeExecutor workers;

  /**
   * One sweep: due offers, pending settlements, stale attempts.
   *
   * @return what it did
   */
  public SweepReport sweep() {
    int expired = 0;
    int failed = 0;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      List<String> due = offers.dueIds(now(), BATCH);
      List<Result> results = forEach(due, this::expireOne);
      int done = (int) results.stream().filter(r -> r == Result.DONE).count();
      expired += done;
      failed += (int) results.stream().filter(r -> r == Result.FAILED).count();
      if (due.size() < BATCH || done == 0) {
        break;
      }
    }
    List<String> pending = settlements.dueIds(now(), BATCH);
    List<Result> settled = forEach(pending, this::settleOne);
    int resumed = (int) settled.stream().filter(r -> r == Result.DONE).count();
    List<String> stale = offers.staleAttemptIds(now().minus(ATTEMPT_GRACE), BATCH);
    int undone =
        (int) forEach(stale, this::undoAttempt).stream().filter(r -> r == Result.DONE).count();
    SweepReport report = new SweepReport(expired, failed, resumed, undone);
    if (expired > 0 || failed > 0 || resumed > 0 || undone > 0) {
      LOG.log(Level.INFO, "Offer sweep: {0}", report);
    }
    return report;
  }

  private Result expireOne(String offerId) {
    try {
      if (transitions.expire(offerId).isEmpty()) {
        return Result.SKIPPED;
      }
    } catch (RuntimeException e) {
      putAside(offerId, e);
      return Result.FAILED;
    }
    settleOne(offerId);
    return Result.DONE;
  }

  private void putAside(String offerId, RuntimeException e) {
    try {
      int failures = offers.find(offerId).map(Offer::sweepFailures).orElse(0) + 1;
      Duration wait = backoff(failures);
      transitions.expiryFailed(offerId, now().plus(wait), failures);
      LOG.log(
          Level.WARNING,
          "Expiring offer "
              + offerId
              + " failed ("
              + failures
              + " time(s)); retry in "
              + wait.toSeconds()
              + " s",
          e);
    } catch (RuntimeException again) {
      LOG.log(
          Level.WARNING, "Cannot put offer " + offerId + " aside; the next sweep retries", again);
    }
  }

  private Result settleOne(String offerId) {
    try {
      return settler.settle(offerId) ? Result.DONE : Result.FAILED;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Settling offer " + offerId + " failed; the next sweep retries", e);
      return Result.FAILED;
    }
  }

  private Result undoAttempt(String offerId) {
    try {
      Offer offer = offers.find(offerId).orElse(null);
      if (offer == null || offer.attemptId().isEmpty()) {
        return Result.SKIPPED;
      }
      String attempt = offer.attemptId().get();
      String owner = offer.attemptKind().orElseThrow().holdOwner(offerId, attempt).key();
      // the attempt can no longer commit (its time is up), so releasing its hold is safe
      long released = wallets.release(offer.attemptWalletId().orElseThrow(), owner);
      transitions.dropAttempt(offerId, attempt);
      LOG.log(
          Level.INFO,
          "Offer {0}: gave up a {1} attempt that ran out of time, released {2} sats",
          new Object[] {offerId, offer.attemptKind().get(), released});
      return Result.DONE;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Undoing the attempt on offer " + offerId + " failed", e);
      return Result.FAILED;
    }
  }

  /** Runs {@code work} for every id on the worker pool (inline when the pool is full). */
  private List<Result> forEach(List<String> ids, Function<String, Result> work) {
    List<Future<Result>> running = new ArrayList<>(ids.size());
    List<Result> results = new ArrayList<>(ids.size());
    for (String id : ids) {
      try {
        running.add(workers.submit(() -> work.apply(id)));
      } catch (RejectedExecutionException full) {
        results.add(work.apply(id));
      }
    }
    for (Future<Result> f : running) {
      try {
        results.add(f.get(5, TimeUnit.MINUTES));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        results.add(Result.FAILED);
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "A sweep task failed", e);
        results.add(Result.FAILED);
      }
    }
    return results;
  }

  /** The wait before a failed expiry is retried: five seconds doubling, up to five minutes. */
  static Duration backoff(int failures) {
    Duration wait = Duration.ofSeconds(5L << Math.min(10, Math.max(0, failures - 1)));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private enum Result {
    DONE,
    SKIPPED,
    FAILED
  }

  /**
   * What one sweep did.
   *
   * @param expired offers expired (and settled or left pending)
   * @param failed offers whose expiry failed and were put aside
   * @param resumed pending settlements finished
   * @param undone stale attempts undone
   */
  public record SweepReport(int expired, int failed, int resumed, int undone) {}
}
