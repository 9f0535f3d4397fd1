package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes sessions that must end: expired ones at every cleanup, and when capacity relief asks for
 * it the ones {@link ReliefOrder} puts first (never one in a trade). Every session is closed in its
 * own transaction, so one failure is logged and skipped and the rest go on; running it twice, or on
 * two servers at once, closes each session once. It also deletes login challenges that expired long
 * enough ago.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionSweeper {

  private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());

  /** Sessions taken per query; a sweep repeats until a batch comes back short. */
  static final int BATCH = 200;

  /** Batches one relief call works through at most; the next capacity check goes on. */
  static final int MAX_RELIEF_ROUNDS = 20;

  @EJB SessionRepository sessions;

  @EJB LoginChallengeRepository challenges;

  @EJB SessionCloser closer;

  @Inject SessionConfig config;

  @Inject Instance<OpenTradeCheck> tradeChecks;

  @Inject Instance<SessionHoldings> holdings;

  @Inject Clock clock;

  /**
   * Closes every session whose lifetime is over and purges stale challenges.
   *
   * @return how many sessions this call closed and how many it could not
   */
  public SweepResult closeExpired() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int closed = 0;
    int failed = 0;
    List<String> batch;
    do {
      batch = sessions.findExpiredIds(now, BATCH);
      int closedInBatch = 0;
      for (String id : batch) {
        try {
          if (closer.close(id, SessionCloseReason.EXPIRED)) {
            closedInBatch++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "Cannot close expired session " + id, e);
        }
      }
      closed += closedInBatch;
      // stop when nothing moved, so a session that always fails cannot keep the sweep looping
      if (closedInBatch == 0) {
        break;
      }
    } while (batch.size() == BATCH);
    purgeChallenges(now);
    if (closed > 0 || failed > 0) {
      LOG.log(
          Level.INFO,
          "Session sweep closed {0} expired session(s), {1} failed",
          new Object[] {closed, failed});
    }
    return new SweepResult(closed, failed);
  }

  /**
   * Capacity relief at EMERGENCY: closes the sessions {@link ReliefOrder} names, working through
   * one tier per call. Sessions in a trade are never closed; sessions with activity or a balance
   * only once no unused, empty session is left.
   *
   * @return how many sessions this call closed and how many it could not
   */
  public SweepResult closeIdle() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime idleSince = now.minus(config.idleLimit());
    int closed = 0;
    int failed = 0;
    ReliefOrder.Tier tier = null;
    for (int round = 0; round < MAX_RELIEF_ROUNDS; round++) {
      Map<String, UserSession> byId = new LinkedHashMap<>();
      sessions.findUnused(now, BATCH).forEach(s -> byId.put(s.id(), s));
      sessions.findIdle(idleSince, now, BATCH).forEach(s -> byId.putIfAbsent(s.id(), s));
      List<ReliefCandidate> candidates = new ArrayList<>();
      for (UserSession session : byId.values()) {
        candidates.add(
            new ReliefCandidate(
                session.id(),
                session.createdAt(),
                session.lastSeenAt(),
                holdsFunds(session),
                hasOpenTrades(session)));
      }
      ReliefOrder.Plan plan = ReliefOrder.plan(candidates, idleSince);
      // the next tier waits for the next check: the level may have dropped by then
      if (plan.sessionIds().isEmpty() || (tier != null && plan.tier() != tier)) {
        break;
      }
      tier = plan.tier();
      int closedInRound = 0;
      for (String id : plan.sessionIds()) {
        try {
          if (closer.close(id, SessionCloseReason.CAPACITY)) {
            closedInRound++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "Cannot close session " + id + " for capacity relief", e);
        }
      }
      closed += closedInRound;
      if (closedInRound == 0 || byId.size() < BATCH) {
        break;
      }
    }
    LOG.log(
        closed > 0 || failed > 0 ? Level.WARNING : Level.INFO,
        "Capacity relief closed {0} session(s) of tier {1} (unused first, then idle since before"
            + " {2}, then idle with a balance; never in a trade), {3} failed",
        new Object[] {closed, tier == null ? "none" : tier, idleSince, failed});
    return new SweepResult(closed, failed);
  }

  private boolean holdsFunds(UserSession session) {
    if (holdings.isUnsatisfied()) {
      return false;
    }
    for (SessionHoldings check : holdings) {
      try {
        if (check.holdsFunds(session.id(), session.pubkey(), session.walletId())) {
          return true;
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Balance check failed for session " + session.id() + "; counting it as funded",
            e);
        return true;
      }
    }
    return false;
  }

  private boolean hasOpenTrades(UserSession session) {
    if (tradeChecks.isUnsatisfied()) {
      return false;
    }
    for (OpenTradeCheck check : tradeChecks) {
      try {
        if (check.hasOpenTrades(session.id(), session.pubkey(), session.walletId())) {
          return true;
        }
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Open-trade check failed for session " + session.id() + "; keeping the session",
            e);
        return true;
      }
    }
    return false;
  }

  private void purgeChallenges(OffsetDateTime now) {
    try {
      // keep expired challenges a while longer, so a late replay is still told "used"
      challenges.purgeExpiredBefore(now.minus(config.challengeTtl()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot purge expired login challenges", e);
    }
  }

  /**
   * What one sweep did.
   *
   * @param closed sessions this sweep closed
   * @param failed sessions it could not close (logged; retried by the next sweep)
   */
  public record SweepResult(int closed, int failed) {}
}
