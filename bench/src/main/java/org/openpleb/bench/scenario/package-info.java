/**
 * The benchmark's scenarios against a running server: logging in and holding many sessions while
 * measuring memory, opening wallets with Lightning deposits, mixed read load at several client
 * counts, and whole trades. Each scenario checks first that this build has its endpoints and
 * reports itself as not available otherwise.
 */
package org.openpleb.bench.scenario;
