/**
 * Restoring a session wallet whose file was lost or corrupted: the file is rebuilt from the master
 * secret (NUT-13 + NUT-09, {@link org.openpleb.cashu.wallet.Wallet#restoreFromSeed()}), then what
 * PostgreSQL knows is put back, so the wallet's balances are right and not just its unspent proofs:
 * the escrow and bond holds of its offers ({@link
 * org.openpleb.ee.restore.ExpectedHolds#expectedHolds(String)}) are reserved again under the same
 * owner labels, and the tokens it handed out that nobody has claimed yet ({@link
 * org.openpleb.ee.restore.UnclaimedTokenSource}) go back in flight. {@link
 * org.openpleb.ee.restore.WalletRestore} runs it; the admin API calls it.
 */
package org.openpleb.ee.restore;
