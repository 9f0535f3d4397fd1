package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityExistsException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory repositories keep the JPA adapters' contracts the services rely on: compare-and-set
 * claims and state changes, snapshots never overwritten by older ones, a wallet with open deposits
 * never deleted, and rows handed out as copies.
 */
class InMemoryRepositoriesTest {

  private static final OffsetDateTime T0 = WalletTestbed.utc(WalletTestbed.START);

  private final InMemoryDepositRepository deposits = new InMemoryDepositRepository();
  private final InMemoryWalletRepository wallets = new InMemoryWalletRepository(deposits);
  private final String walletId = UUID.randomUUID().toString();

  private Deposit deposit() {
    Deposit d = Deposit.pending(walletId, "a".repeat(64), "q", "lnbc1", 10, T0, null);
    deposits.add(d);
    return d;
  }

  private StoredWallet wallet() {
    StoredWallet w = StoredWallet.forSession(walletId, "a".repeat(64), "s", T0);
    wallets.addIfAbsent(w);
    return w;
  }

  @Test
  void aClaimIsTakenOnceUntilItsLeaseRunsOut() {
    Deposit d = deposit();
    OffsetDateTime lease = T0.plusMinutes(2);

    assertTrue(deposits.claim(d.id(), T0, lease));
    assertFalse(deposits.claim(d.id(), T0, lease));
    assertFalse(deposits.claim(d.id(), lease.minusNanos(1000), lease.plusMinutes(2)));
    assertTrue(deposits.claim(d.id(), lease, lease.plusMinutes(2)));
    assertEquals(2, deposits.find(d.id()).orElseThrow().checks());
  }

  @Test
  void aDepositIsCreditedOnceAndThenNeitherRescheduledNorEnded() {
    Deposit d = deposit();

    assertTrue(deposits.markCredited(d.id(), 10, T0));
    assertFalse(deposits.markCredited(d.id(), 10, T0));
    deposits.reschedule(d.id(), DepositState.PAID, T0);
    deposits.markEnded(d.id(), DepositState.FAILED, "late");
    assertFalse(deposits.claim(d.id(), T0.plusDays(1), T0.plusDays(2)));

    Deposit after = deposits.find(d.id()).orElseThrow();
    assertEquals(DepositState.CREDITED, after.state());
    assertEquals(Optional.empty(), after.failure());
  }

  @Test
  void onlyOpenStatesAreRescheduledAndOnlyEndStatesEnd() {
    Deposit d = deposit();

    assertThrows(
        IllegalArgumentException.class,
        () -> deposits.reschedule(d.id(), DepositState.CREDITED, T0));
    assertThrows(
        IllegalArgumentException.class,
        () -> deposits.markEnded(d.id(), DepositState.PENDING, "no"));
    deposits.markEnded(d.id(), DepositState.FAILED, "x".repeat(300));
    assertEquals(200, deposits.find(d.id()).orElseThrow().failure().orElseThrow().length());
  }

  @Test
  void aDepositIsStoredOnceAndReadAsACopy() {
    Deposit d = deposit();

    assertThrows(EntityExistsException.class, () -> deposits.add(d));
    assertNotSame(deposits.find(d.id()).orElseThrow(), deposits.find(d.id()).orElseThrow());
    deposits.claim(d.id(), T0, T0.plusMinutes(2));
    // a row read before the change does not move with it
    assertEquals(0, d.checks());
  }

  @Test
  void dueDepositsComeMostOverdueFirst() {
    Deposit late = deposit();
    Deposit later = deposit();
    deposits.reschedule(late.id(), DepositState.PENDING, T0.plusSeconds(5));
    deposits.reschedule(later.id(), DepositState.PENDING, T0.plusSeconds(1));

    assertEquals(List.of(), deposits.dueIds(T0, 10));
    assertEquals(List.of(later.id(), late.id()), deposits.dueIds(T0.plusSeconds(5), 10));
    assertEquals(List.of(later.id()), deposits.dueIds(T0.plusSeconds(5), 1));
  }

  @Test
  void anOlderBalanceNeverOverwritesANewerOne() {
    wallet();

    assertTrue(wallets.recordBalance(walletId, new WalletBalance(5, 0, 0), T0.plusSeconds(2)));
    assertFalse(wallets.recordBalance(walletId, new WalletBalance(9, 0, 0), T0.plusSeconds(1)));
    assertTrue(wallets.recordBalance(walletId, new WalletBalance(7, 0, 0), T0.plusSeconds(2)));
    assertFalse(wallets.recordBalance(UUID.randomUUID().toString(), WalletBalance.ZERO, T0));
    assertEquals(new WalletBalance(7, 0, 0), wallets.find(walletId).orElseThrow().balance());
  }

  @Test
  void aWalletIsAddedOnceAndTurnsDormantOnce() {
    StoredWallet w = wallet();

    assertFalse(wallets.addIfAbsent(w));
    assertTrue(wallets.markDormant(walletId, T0.plusHours(1)));
    assertTrue(wallets.markDormant(walletId, T0.plusHours(2)));
    assertFalse(wallets.markDormant(UUID.randomUUID().toString(), T0));
    assertEquals(Optional.of(T0.plusHours(1)), wallets.find(walletId).orElseThrow().dormantSince());
    assertEquals(WalletState.ACTIVE, w.state());
  }

  @Test
  void aWalletWithAnOpenDepositIsNotDeletedAndItsFinishedOnesGoWithIt() {
    wallet();
    Deposit d = deposit();

    assertFalse(wallets.delete(walletId));
    deposits.markEnded(d.id(), DepositState.EXPIRED, "unpaid");
    assertTrue(wallets.delete(walletId));
    assertEquals(Optional.empty(), deposits.find(d.id()));
    assertFalse(wallets.delete(walletId));
  }

  @Test
  void dormantWalletsWithNothingSpendableAreFoundOnceTheirSnapshotIsOldEnough() {
    wallet();
    wallets.recordBalance(walletId, new WalletBalance(0, 0, 3), T0);
    wallets.markDormant(walletId, T0);

    assertEquals(List.of(), wallets.dormantWithNothingSpendable(T0, 10));
    assertEquals(
        List.of(walletId),
        wallets.dormantWithNothingSpendable(T0.plus(Duration.ofNanos(1000)), 10).stream()
            .map(StoredWallet::walletId)
            .toList());
    wallets.recordBalance(walletId, new WalletBalance(0, 1, 3), T0.plusSeconds(1));
    assertEquals(List.of(), wallets.dormantWithNothingSpendable(T0.plusDays(1), 10));
  }

  @Test
  void activeWalletsWithoutALiveSessionAreListed() {
    wallet();
    wallets.sessionLive(walletId, true);
    assertEquals(List.of(), wallets.activeWithoutLiveSession(10));

    wallets.sessionLive(walletId, false);
    assertEquals(List.of(walletId), wallets.activeWithoutLiveSession(10));

    wallets.markDormant(walletId, T0);
    assertEquals(List.of(), wallets.activeWithoutLiveSession(10));
  }
}
