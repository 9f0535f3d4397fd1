package org.openpleb.client.admin;

/**
 * An admin login.
 *
 * @param user the configured admin user
 * @param password the admin password
 */
public record AdminLoginRequest(String user, String password) {

  @Override
  public String toString() {
    return "AdminLoginRequest[" + user + "]";
  }
}
