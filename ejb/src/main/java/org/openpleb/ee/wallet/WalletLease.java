package org.openpleb.ee.wallet;

/**
 * A session wallet handle pinned for one piece of work: while the lease is open the registry
 * neither evicts nor closes the handle. Use it in try-with-resources; closing it twice is harmless.
 */
public final class WalletLease implements AutoCloseable {

  private final HandleCache<String, SessionWallet>.Lease lease;

  WalletLease(HandleCache<String, SessionWallet>.Lease lease) {
    this.lease = lease;
  }

  /** The wallet this lease pins. */
  public String walletId() {
    return lease.key();
  }

  /** The open wallet. */
  public SessionWallet wallet() {
    return lease.handle();
  }

  /**
   * Reports that the wallet failed in a way that may have damaged the handle: it is closed after
   * this lease and reopened (with recovery) by the next one.
   */
  public void markBroken() {
    lease.markBroken();
  }

  /** Unpins the handle. */
  @Override
  public void close() {
    lease.close();
  }

  @Override
  public String toString() {
    return "WalletLease[" + lease.key() + "]";
  }
}
