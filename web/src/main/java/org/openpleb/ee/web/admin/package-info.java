/**
 * The admin API under {@code /api/admin}: operator login with the configured credentials, and the
 * capacity report. Every method but the login needs an admin bearer token ({@link
 * org.openpleb.ee.web.auth.AdminOnly}).
 */
package org.openpleb.ee.web.admin;
