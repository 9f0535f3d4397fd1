/**
 * Cashu tokens (NUT-00): the text ({@code cashuA} JSON, {@code cashuB} CBOR) and binary ({@code
 * crawB}) forms in which ecash is handed from one wallet to another. Decoding resolves the short
 * keyset ids of V4 tokens against the mint's keysets and rejects malformed input without echoing
 * it.
 */
package org.openpleb.cashu.token;
