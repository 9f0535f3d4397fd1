package org.openpleb.ee.wallet;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link WalletRepository} in memory, with {@link JpaWalletRepository}'s contract: a balance is
 * written only over an older or equally old snapshot, only an ACTIVE wallet turns DORMANT, a wallet
 * with open deposits is not deleted (its finished deposits go with it), and rows are copied in and
 * out. The session feature's table, which {@link #activeWithoutLiveSession(int)} reads, is the set
 * of wallets a test declares live.
 */
final class InMemoryWalletRepository implements WalletRepository {

  private final Map<String, StoredWallet> rows = new LinkedHashMap<>();
  private final Set<String> liveSessionWallets = new HashSet<>();
  private final InMemoryDepositRepository deposits;

  /** Wallet rows beside {@code deposits}, the deposit table a delete looks at. */
  InMemoryWalletRepository(InMemoryDepositRepository deposits) {
    this.deposits = deposits;
  }

  /** Declares the session of {@code walletId} live (true) or ended (false). */
  synchronized void sessionLive(String walletId, boolean live) {
    if (live) {
      liveSessionWallets.add(walletId);
    } else {
      liveSessionWallets.remove(walletId);
    }
  }

  @Override
  public synchronized Optional<StoredWallet> find(String walletId) {
    return Optional.ofNullable(rows.get(walletId)).map(RowCopies::copy);
  }

  @Override
  public synchronized boolean addIfAbsent(StoredWallet wallet) {
    if (rows.containsKey(wallet.walletId())) {
      return false;
    }
    rows.put(wallet.walletId(), RowCopies.copy(wallet));
    return true;
  }

  @Override
  public synchronized boolean recordBalance(
      String walletId, WalletBalance balance, OffsetDateTime readAt) {
    StoredWallet row = rows.get(walletId);
    if (row == null || row.balanceAt().isAfter(readAt)) {
      return false;
    }
    RowCopies.set(row, "spendable", balance.spendable());
    RowCopies.set(row, "reserved", balance.reserved());
    RowCopies.set(row, "inflight", balance.inflight());
    RowCopies.set(row, "balanceAt", readAt);
    return true;
  }

  @Override
  public synchronized List<StoredWallet> dormantOf(String pubkey) {
    return rows.values().stream()
        .filter(w -> w.pubkey().equals(pubkey) && w.state() == WalletState.DORMANT)
        .sorted(Comparator.comparing(StoredWallet::createdAt))
        .map(RowCopies::copy)
        .toList();
  }

  @Override
  public synchronized boolean markDormant(String walletId, OffsetDateTime now) {
    StoredWallet row = rows.get(walletId);
    if (row == null) {
      return false;
    }
    if (row.state() == WalletState.ACTIVE) {
      RowCopies.set(row, "state", WalletState.DORMANT);
      RowCopies.set(row, "dormantSince", now);
    }
    return true;
  }

  @Override
  public synchronized boolean delete(String walletId) {
    if (deposits.countOpen(walletId) > 0) {
      return false;
    }
    deposits.deleteOf(walletId);
    return rows.remove(walletId) != null;
  }

  @Override
  public synchronized List<String> activeWithoutLiveSession(int max) {
    return rows.values().stream()
        .filter(w -> w.state() == WalletState.ACTIVE)
        .filter(w -> !liveSessionWallets.contains(w.walletId()))
        .sorted(Comparator.comparing(StoredWallet::balanceAt))
        .limit(max)
        .map(StoredWallet::walletId)
        .toList();
  }

  @Override
  public synchronized List<StoredWallet> dormantWithNothingSpendable(
      OffsetDateTime before, int max) {
    return rows.values().stream()
        .filter(w -> w.state() == WalletState.DORMANT)
        .filter(w -> w.balance().spendable() == 0 && w.balance().reserved() == 0)
        .filter(w -> w.balanceAt().isBefore(before))
        .sorted(Comparator.comparing(StoredWallet::balanceAt))
        .limit(max)
        .map(RowCopies::copy)
        .toList();
  }

  @Override
  public synchronized List<String> withInflight(int max) {
    return rows.values().stream()
        .filter(w -> w.balance().inflight() > 0)
        .sorted(Comparator.comparing(StoredWallet::balanceAt))
        .limit(max)
        .map(StoredWallet::walletId)
        .toList();
  }
}
