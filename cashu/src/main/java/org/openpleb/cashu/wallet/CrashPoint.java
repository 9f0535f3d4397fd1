package org.openpleb.cashu.wallet;

import org.openpleb.cashu.store.OperationKind;

/**
 * A hook called at every {@link JournalStep} of every journaled mint call. Production wallets use
 * {@link #NONE}; crash tests install one that throws, then reopen the wallet file to prove that
 * recovery loses nothing.
 */
@FunctionalInterface
interface CrashPoint {

  CrashPoint NONE = (step, kind) -> {};

  void reached(JournalStep step, OperationKind kind);
}
