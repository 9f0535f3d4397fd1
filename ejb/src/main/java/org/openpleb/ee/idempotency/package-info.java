/**
 * Idempotent requests: the first answer to a request sent with an {@code Idempotency-Key} is kept
 * per user, endpoint and key, so a retry gets that answer again instead of doing the work twice. A
 * primary key lets only one of several concurrent duplicates run, and a fingerprint of the request
 * refuses a key reused for a different one.
 */
package org.openpleb.ee.idempotency;
