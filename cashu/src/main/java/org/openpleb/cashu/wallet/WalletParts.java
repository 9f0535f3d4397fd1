package org.openpleb.cashu.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.store.WalletStore;

/** The parts one wallet is made of, handed to each of its operations once when it opens. */
record WalletParts(
    WalletStore store,
    MintClient mint,
    String mintUrl,
    String unit,
    KeysetBook keysets,
    OutputFactory outputs,
    OperationRunner runner,
    SecureRandom random,
    Clock clock,
    WalletLimits limits) {}
