/**
 * Bearer authentication for the API. One global filter ({@link
 * org.openpleb.ee.web.auth.CredentialsFilter}) applies one rule to every endpoint: no {@code
 * Authorization} header is an anonymous caller, a header naming a live user or admin session is
 * that caller (published in a request-scoped bean), and any other header is refused with 401.
 * Name-bound filters then guard the methods that need a user session ({@link
 * org.openpleb.ee.web.auth.Authenticated}) or the admin ({@link
 * org.openpleb.ee.web.auth.AdminOnly}); every refusal is problem+json, with a {@code
 * WWW-Authenticate} challenge on 401.
 */
package org.openpleb.ee.web.auth;
