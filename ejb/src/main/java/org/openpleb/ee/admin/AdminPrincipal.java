package org.openpleb.ee.admin;

import java.time.OffsetDateTime;

/**
 * The operator a request acts for once its bearer token resolved to a live admin session.
 *
 * @param sessionId the admin session
 * @param user the admin user name
 * @param expiresAt when the token stops working
 */
public record AdminPrincipal(String sessionId, String user, OffsetDateTime expiresAt) {}
