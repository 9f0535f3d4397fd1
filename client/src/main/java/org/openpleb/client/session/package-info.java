/**
 * Logging in and out as a user: a secp256k1 key signs the server's one-time challenge (BIP-340)
 * after doing the proof of work the challenge asks for, and receives a bearer token. {@link
 * org.openpleb.client.session.UserKey} holds the key; the login itself is {@link
 * org.openpleb.client.OpenPlebClient#login(UserKey)}.
 */
package org.openpleb.client.session;
