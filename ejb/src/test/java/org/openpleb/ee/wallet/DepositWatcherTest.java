package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.session.SessionPrincipal;

/**
 * The watcher's tick: every due deposit is handed once to the mint executor, none twice while a
 * check of it is queued or running, at most {@link DepositWatcher#MAX_IN_FLIGHT} at once, and a
 * full executor, a failing check or a failing database costs only a tick.
 */
class DepositWatcherTest {

  private final WalletTestbed bed = new WalletTestbed();
  private final SessionPrincipal alice = bed.session("a".repeat(64));

  @Test
  void aPaidDepositIsCreditedByTheWatcherWithoutTheUserAsking() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 800);
    bed.mint.pay(deposit.quoteId());

    bed.watcher.watch();
    assertEquals(1, bed.watcher.inFlight());
    bed.runExecutor();

    assertEquals(0, bed.watcher.inFlight());
    assertEquals(DepositState.CREDITED, bed.deposits.find(deposit.id()).orElseThrow().state());
    assertEquals(800, bed.file(alice.walletId()).spendable);
  }

  @Test
  void aDepositQueuedForACheckIsNotQueuedAgainByTheNextTick() {
    bed.cashier.requestLightningDeposit(alice, 800);

    bed.watcher.watch();
    bed.watcher.watch();

    assertEquals(1, bed.executorQueue.size());
  }

  @Test
  void onlyDueDepositsAreHandedOn() {
    Deposit first = bed.cashier.requestLightningDeposit(alice, 100);
    bed.watcher.watch();
    bed.runExecutor();
    Deposit second = bed.cashier.requestLightningDeposit(alice, 200);

    bed.watcher.watch();
    assertEquals(1, bed.executorQueue.size());
    bed.runExecutor();

    // the first is waiting out its backoff: the second tick checked only the new one
    assertEquals(1, bed.deposits.find(first.id()).orElseThrow().checks());
    assertEquals(1, bed.deposits.find(second.id()).orElseThrow().checks());
  }

  @Test
  void aFullExecutorLeavesTheDepositForTheNextTick() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    bed.mint.pay(deposit.quoteId());
    bed.executorFull = true;

    bed.watcher.watch();
    assertEquals(0, bed.watcher.inFlight());
    assertEquals(0, bed.deposits.find(deposit.id()).orElseThrow().checks());

    bed.executorFull = false;
    bed.watcher.watch();
    bed.runExecutor();
    assertEquals(DepositState.CREDITED, bed.deposits.find(deposit.id()).orElseThrow().state());
  }

  @Test
  void noMoreThanTheInFlightCapIsQueuedAtOnce() {
    for (int i = 0; i < DepositWatcher.MAX_IN_FLIGHT + 5; i++) {
      bed.cashier.requestLightningDeposit(alice, 10 + i);
    }

    bed.watcher.watch();
    assertEquals(DepositWatcher.MAX_IN_FLIGHT, bed.executorQueue.size());
    bed.watcher.watch();
    assertEquals(DepositWatcher.MAX_IN_FLIGHT, bed.executorQueue.size());

    bed.runExecutor();
    bed.watcher.watch();
    assertEquals(5, bed.executorQueue.size());
  }

  @Test
  void aCheckThatThrowsFreesItsDepositForALaterTick() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    List<String> tried = new ArrayList<>();
    bed.watcher.crediting =
        new DepositCrediting() {
          @Override
          public Optional<DepositState> check(String depositId) {
            tried.add(depositId);
            throw new IllegalStateException("database gone");
          }
        };

    bed.watcher.watch();
    bed.runExecutor();
    assertEquals(0, bed.watcher.inFlight());
    bed.watcher.watch();
    bed.runExecutor();

    assertEquals(List.of(deposit.id(), deposit.id()), tried);
  }

  @Test
  void aTickWhoseDatabaseFailsThrowsNothingAndTheNextOneWorks() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    bed.watcher.deposits =
        (DepositRepository)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DepositRepository.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("database down");
                });

    bed.watcher.watch();
    assertEquals(0, bed.executorQueue.size());

    bed.watcher.deposits = bed.deposits;
    bed.watcher.watch();
    assertEquals(1, bed.executorQueue.size());
    bed.runExecutor();
    assertEquals(1, bed.deposits.find(deposit.id()).orElseThrow().checks());
  }

  @Test
  void anUnpaidDepositIsCheckedAgainOnlyOnceItsBackoffPassed() {
    Deposit deposit = bed.cashier.requestLightningDeposit(alice, 100);
    bed.watcher.watch();
    bed.runExecutor();

    bed.clock.advance(Duration.ofMillis(500));
    bed.watcher.watch();
    assertEquals(0, bed.executorQueue.size());

    bed.clock.advance(Duration.ofMillis(500));
    bed.watcher.watch();
    assertEquals(1, bed.executorQueue.size());
    bed.runExecutor();
    assertEquals(2, bed.deposits.find(deposit.id()).orElseThrow().checks());
  }
}
