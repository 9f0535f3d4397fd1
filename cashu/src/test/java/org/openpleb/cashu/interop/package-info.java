/**
 * The Java side of the cashu-ts interoperability suite ({@code interop/run.sh}): a command line
 * that mints and sends a token with the real {@link org.openpleb.cashu.wallet.Wallet}, or receives
 * a token made by cashu-ts into it, so that each implementation must accept the other's tokens,
 * short keyset ids and DLEQ proofs.
 */
package org.openpleb.cashu.interop;
