/**
 * Bearer authentication for the API: name-bound request filters resolve {@code Authorization:
 * Bearer} tokens to a live user session ({@link org.openpleb.ee.web.auth.Authenticated}) or admin
 * session ({@link org.openpleb.ee.web.auth.AdminOnly}) and publish it in a request-scoped bean;
 * every refusal is problem+json with a {@code WWW-Authenticate} challenge.
 */
package org.openpleb.ee.web.auth;
