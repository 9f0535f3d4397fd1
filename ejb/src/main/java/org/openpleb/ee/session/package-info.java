/**
 * User sessions: a secp256k1 key's bounded-lifetime login through a signed one-time challenge,
 * stored in the shared database so that every instance agrees on how many are live. It admits
 * logins against {@code SESSION_LIMIT} and the capacity level under a database lock, resolves
 * bearer tokens (kept only as hashes), sweeps expired sessions, sheds idle ones at EMERGENCY, and
 * announces every closed session with {@link org.openpleb.ee.session.SessionClosed} after commit.
 */
package org.openpleb.ee.session;
