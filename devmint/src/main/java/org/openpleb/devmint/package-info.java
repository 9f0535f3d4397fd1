/**
 * The OpenPleb dev mint: a FakeWallet Cashu mint for tests and local demos whose Lightning is
 * simulated. {@link org.openpleb.devmint.DevMint} starts it in-process, {@link
 * org.openpleb.devmint.DevMintMain} from the command line; {@link
 * org.openpleb.devmint.DevMintControl} steers payments and injects faults. Development only.
 */
package org.openpleb.devmint;
