/**
 * User sessions: a secp256k1 key's bounded-lifetime login, stored in the shared database so that
 * every instance agrees on how many are live. This issue holds the session record, its repository
 * and its settings; challenge login and expiry sweeps build on them.
 */
package org.openpleb.ee.session;
