package org.openpleb.ee.web.admin;

/**
 * An admin login.
 *
 * @param user the configured {@code OPENPLEB_ADMIN_USER}
 * @param password the password whose hash is {@code OPENPLEB_ADMIN_PASSWORD_HASH}
 */
public record AdminLoginRequest(String user, String password) {

  @Override
  public String toString() {
    return "AdminLoginRequest[" + user + "]";
  }
}
