/**
 * Refusals as the client sees them: the server's RFC 9457 problem documents become {@link
 * org.openpleb.client.problem.ProblemException}s whose {@code code} a program branches on.
 */
package org.openpleb.client.problem;
