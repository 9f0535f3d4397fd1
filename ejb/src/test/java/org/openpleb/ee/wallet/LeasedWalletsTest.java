package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.MintUnreachableException;

/**
 * Every money movement on a session wallet runs through {@link LeasedWallets}: the balance is
 * written after the work whatever its outcome, a wallet that failed is reopened by the next lease,
 * and a failure that was the mint's is counted.
 */
class LeasedWalletsTest {

  private static final String ID = "w".repeat(32);
  private static final OffsetDateTime AT =
      OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  private final List<FakeWallet> opened = new ArrayList<>();
  private final List<WalletMetrics.MintErrorKind> mintErrors = new ArrayList<>();
  private final List<BalanceReading> snapshots = new ArrayList<>();
  private final HandleCache<String, SessionWallet> cache =
      new HandleCache<>(
          4,
          Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
          new HandleCache.Lifecycle<>() {
            @Override
            public SessionWallet open(String key) {
              FakeWallet w = new FakeWallet();
              opened.add(w);
              return w;
            }

            @Override
            public void close(String key, SessionWallet handle) {}
          },
          new HandleCache.Events<>() {});
  private final LeasedWallets leased = leasedWallets();

  private LeasedWallets leasedWallets() {
    LeasedWallets l = new LeasedWallets();
    l.registry =
        new WalletRegistry() {
          @Override
          public WalletLease lease(String walletId) {
            return new WalletLease(cache.acquire(walletId, Duration.ZERO));
          }
        };
    l.metrics =
        new WalletMetrics() {
          @Override
          public void mintError(MintErrorKind kind) {
            mintErrors.add(kind);
          }
        };
    return l;
  }

  @Test
  void theBalanceIsWrittenAfterTheWorkAndTheLeaseEnds() {
    String result = leased.run(ID, w -> "done", (id, reading) -> snapshots.add(reading));

    assertEquals("done", result);
    assertEquals(List.of(new BalanceReading(new WalletBalance(7, 0, 0), AT)), snapshots);
    assertEquals(0, cache.pins(ID));
    assertEquals(List.of(), mintErrors);
  }

  @Test
  void aFailedOperationStillWritesTheBalanceAndCountsAMintFailure() {
    WalletOperationException unreachable =
        WalletOperationException.of(new MintUnreachableException("down"), false);

    WalletOperationException thrown =
        assertThrows(
            WalletOperationException.class,
            () ->
                leased.run(
                    ID,
                    w -> {
                      throw unreachable;
                    },
                    (id, reading) -> snapshots.add(reading)));

    assertSame(unreachable, thrown);
    assertEquals(1, snapshots.size());
    assertEquals(List.of(WalletMetrics.MintErrorKind.UNREACHABLE), mintErrors);
    // the mint's failure says nothing against the handle: the next lease gets the same one
    leased.run(ID, w -> w, (id, reading) -> {});
    assertEquals(1, opened.size());
  }

  @Test
  void aWalletThatFailedIsReopenedByTheNextLease() {
    WalletOperationException crashed =
        WalletOperationException.of(new IllegalStateException(), false);

    assertThrows(
        WalletOperationException.class,
        () ->
            leased.run(
                ID,
                w -> {
                  throw crashed;
                },
                (id, reading) -> {}));

    SessionWallet next = leased.run(ID, w -> w, (id, reading) -> {});
    assertEquals(2, opened.size());
    assertNotSame(opened.get(0), next);
    assertEquals(List.of(), mintErrors);
  }

  @Test
  void aBalanceThatCannotBeReadHidesNotTheResultButReopensTheWallet() {
    leased.run(
        ID, w -> ((FakeWallet) w).unreadable = true, (id, reading) -> snapshots.add(reading));

    assertEquals(List.of(), snapshots);
    leased.run(ID, w -> w, (id, reading) -> {});
    assertEquals(2, opened.size());
  }

  /** A handle whose balance is fixed, or unreadable when asked to be. */
  private static final class FakeWallet extends SessionWallet {
    boolean unreadable;

    @Override
    public BalanceReading balance() {
      if (unreadable) {
        throw WalletOperationException.of(new IllegalStateException("file gone"), false);
      }
      return new BalanceReading(new WalletBalance(7, 0, 0), AT);
    }
  }
}
