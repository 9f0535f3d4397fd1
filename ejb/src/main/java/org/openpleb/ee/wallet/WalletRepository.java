package org.openpleb.ee.wallet;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where wallet rows and their balance snapshots are kept: the shared database. */
@Local
public interface WalletRepository {

  /** The wallet with this id, if money ever moved through it. */
  Optional<StoredWallet> find(String walletId);

  /**
   * Records a wallet unless a row for its id exists, in a transaction of its own, so a concurrent
   * first request of the same session cannot fail on the duplicate.
   *
   * @return whether this call inserted it
   */
  boolean addIfAbsent(StoredWallet wallet);

  /**
   * Writes a balance snapshot unless a newer one is stored already.
   *
   * @return whether it was written
   */
  boolean recordBalance(String walletId, WalletBalance balance, OffsetDateTime readAt);

  /** The dormant wallets of {@code pubkey}, oldest first. */
  List<StoredWallet> dormantOf(String pubkey);

  /**
   * Marks a wallet dormant (its session ended while it held value); a dormant one stays as it is.
   *
   * @return whether the row exists
   */
  boolean markDormant(String walletId, OffsetDateTime now);

  /**
   * Deletes a wallet row and its finished deposits, unless it still has open deposits.
   *
   * @return whether the row was deleted
   */
  boolean delete(String walletId);

  /** Active wallets whose session is no longer live (a missed close), at most {@code max}. */
  List<String> activeWithoutLiveSession(int max);

  /**
   * Dormant wallets with nothing spendable or reserved whose snapshot is older than {@code before}:
   * empty, or holding only tokens or payments in flight. At most {@code max}, oldest first.
   */
  List<StoredWallet> dormantWithNothingSpendable(OffsetDateTime before, int max);

  /**
   * Wallets, active or dormant, whose snapshot counts sats in flight, at most {@code max}, the
   * longest unread first (each sweep's snapshot sends a wallet to the back of the line).
   */
  List<String> withInflight(int max);
}
