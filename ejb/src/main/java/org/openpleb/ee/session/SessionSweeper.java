package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes sessions that must end: expired ones at every cleanup, idle ones without open trades when
 * capacity relief asks for it. Every session is closed in its own transaction, so one failure is
 * logged and skipped and the rest go on; running it twice, or on two servers at once, closes each
 * session once. It also deletes login challenges that expired long enough ago.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionSweeper {

  private static final Logger LOG = Logger.getLogger(SessionSweeper.class.getName());

  /** Sessions taken per query; a sweep repeats until a batch comes back short. */
  static final int BATCH = 200;

  @EJB SessionRepository sessions;

  @EJB LoginChallengeRepository challenges;

  @EJB SessionCloser closer;

  @Inject SessionConfig config;

  @Inject Instance<OpenTradeCheck> tradeChecks;

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
   * Force-closes live sessions idle longer than {@code SESSION_IDLE_LIMIT} that have no open
   * trades, for capacity relief at EMERGENCY.
   *
   * @return how many sessions this call closed and how many it could not
   */
  public SweepResult closeIdle() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime idleSince = now.minus(config.idleLimit());
    int closed = 0;
    int failed = 0;
    int kept = 0;
    List<UserSession> batch;
    do {
      batch = sessions.findIdle(idleSince, now, BATCH);
      int closedInBatch = 0;
      for (UserSession session : batch) {
        try {
          if (hasOpenTrades(session)) {
            kept++;
          } else if (closer.close(session.id(), SessionCloseReason.CAPACITY)) {
            closedInBatch++;
          }
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "Cannot close idle session " + session.id(), e);
        }
      }
      closed += closedInBatch;
      // sessions kept for their trades come back in every batch; stop when a batch closed none
      if (closedInBatch == 0) {
        break;
      }
    } while (batch.size() == BATCH);
    LOG.log(
        closed > 0 || failed > 0 ? Level.WARNING : Level.INFO,
        "Capacity relief closed {0} idle session(s) (idle since before {1}); {2} kept for open"
            + " trades, {3} failed",
        new Object[] {closed, idleSince, kept, failed});
    return new SweepResult(closed, failed);
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
