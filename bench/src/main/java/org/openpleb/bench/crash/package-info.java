/**
 * The kill -9 crash test's client side: a trading load of careful clients (every money request
 * under an Idempotency-Key, retried with the same key across the server's deaths), the drive of
 * every offer to a final state, and the outside count of custody at the mint after the server
 * stopped. {@code bench/crash.sh} starts the processes and kills the server; this package talks
 * HTTP and reads the wallet files.
 */
package org.openpleb.bench.crash;
