/**
 * The benchmark's side of the HTTP API: a timed client over java.net.http, users as secp256k1 keys
 * that log in by signing the server's challenge (BIP-340), and the API surface the server's OpenAPI
 * document declares, so scenarios whose endpoints this build lacks are skipped rather than failed.
 */
package org.openpleb.bench.client;
