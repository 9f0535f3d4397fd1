/**
 * The client side of a Cashu mint's HTTP API (NUT-01 to NUT-09, NUT-12, NUT-23). {@link
 * org.openpleb.cashu.mint.MintClient} is the port the wallet talks to; {@link
 * org.openpleb.cashu.mint.HttpMintClient} is its java.net.http adapter, which also checks every
 * keyset id and signature the mint returns, so a dishonest or buggy mint is caught at the edge.
 */
package org.openpleb.cashu.mint;
