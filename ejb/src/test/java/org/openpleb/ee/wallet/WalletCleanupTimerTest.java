package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The housekeeping tick: idle handles are closed, wallets of sessions that ended unseen are
 * retired, and stored answers purged, each step on its own so one that fails stops none of the
 * others.
 */
class WalletCleanupTimerTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final List<String> steps = new ArrayList<>();
  private final WalletCleanupTimer timer = new WalletCleanupTimer();
  private RuntimeException purgeFailure;

  WalletCleanupTimerTest() {
    bed.config.idleTimeoutMillis = 30_000;
    timer.registry =
        new WalletRegistry() {
          @Override
          public int closeIdle() {
            steps.add("close idle");
            return bed.cache.closeIdle(bed.config.idleTimeout());
          }

          @Override
          public int closeUnpinned() {
            steps.add("close unpinned");
            return bed.cache.closeUnpinned();
          }
        };
    timer.retirement =
        new WalletRetirement() {
          @Override
          public int sweep() {
            steps.add("sweep");
            return bed.retirement.sweep();
          }
        };
    timer.idempotency =
        new Idempotency() {
          @Override
          public int purgeExpired() {
            steps.add("purge");
            if (purgeFailure != null) {
              throw purgeFailure;
            }
            return 0;
          }
        };
    timer.config = bed.config;
  }

  @Test
  void aTickClosesIdleHandlesAndRetiresTheWalletsOfEndedSessions() {
    SessionPrincipal alice = bed.session("a".repeat(64));
    SessionPrincipal bob = bed.session("b".repeat(64));
    String ended = bed.fundedWallet(alice, 0);
    String idle = bed.fundedWallet(bob, 5);
    bed.leased.run(idle, w -> w);
    bed.wallets.sessionLive(ended, false);
    bed.clock.advance(Duration.ofSeconds(31));

    timer.cleanUp();

    assertEquals(List.of("close idle", "sweep", "purge"), steps);
    assertFalse(bed.cache.isOpen(idle));
    assertEquals(Optional.empty(), bed.wallets.find(ended));
    assertEquals(WalletState.ACTIVE, bed.wallets.find(idle).orElseThrow().state());
  }

  @Test
  void aHandleUsedWithinTheIdleTimeoutStaysOpen() {
    String id = bed.fundedWallet(bed.session("a".repeat(64)), 5);
    bed.leased.run(id, w -> w);
    bed.clock.advance(Duration.ofSeconds(29));

    timer.cleanUp();

    assertTrue(bed.cache.isOpen(id));
  }

  @Test
  void aFailingStepStopsNeitherTheOthersNorTheNextTick() {
    SessionPrincipal alice = bed.session("a".repeat(64));
    String ended = bed.fundedWallet(alice, 0);
    bed.wallets.sessionLive(ended, false);
    timer.registry =
        new WalletRegistry() {
          @Override
          public int closeIdle() {
            steps.add("close idle");
            throw new IllegalStateException("broken");
          }
        };
    purgeFailure = new IllegalStateException("database down");

    timer.cleanUp();
    timer.cleanUp();

    assertEquals(List.of("close idle", "sweep", "purge", "close idle", "sweep", "purge"), steps);
    assertEquals(Optional.empty(), bed.wallets.find(ended));
  }
}
