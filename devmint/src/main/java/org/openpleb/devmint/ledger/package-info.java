/**
 * The mint's books: keysets derived from the seed, mint and melt quotes, spent and pending proofs
 * and every signature ever issued. Each NUT operation is checked completely and then committed in
 * one synchronized step, and the whole state is optionally written to a JSON file after each
 * commit.
 */
package org.openpleb.devmint.ledger;
