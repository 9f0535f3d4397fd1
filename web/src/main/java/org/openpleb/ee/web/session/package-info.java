/**
 * The user login API under {@code /api/sessions}: challenge, BIP-340 login, the current session and
 * logout. Refused logins map to problem+json through the common contract, with {@code Retry-After}
 * when the server refused for capacity.
 */
package org.openpleb.ee.web.session;
