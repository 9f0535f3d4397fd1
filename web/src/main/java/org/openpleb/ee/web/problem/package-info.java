/**
 * The API's one error contract: every failure under {@code /api} becomes an RFC 9457 {@code
 * application/problem+json} document with a stable code. Translation happens in one place, {@link
 * org.openpleb.ee.web.problem.ErrorContract}; unexpected failures are logged with a correlation id
 * and never expose a stack trace.
 */
package org.openpleb.ee.web.problem;
