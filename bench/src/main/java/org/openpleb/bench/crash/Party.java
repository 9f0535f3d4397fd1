package org.openpleb.bench.crash;

import java.util.Optional;
import org.openpleb.bench.client.AdminCredentials;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.LoginClient;
import org.openpleb.bench.client.UserKey;

/**
 * One user of the load (a maker, a taker or the admin) and its current bearer token. The token is
 * dropped on a 401 and the next call logs in again, as an app does after its session is gone.
 */
final class Party {

  private final String name;
  private final UserKey key;
  private final String adminUser;
  private final String adminPassword;
  private volatile String token;

  private Party(String name, UserKey key, String adminUser, String adminPassword) {
    this.name = name;
    this.key = key;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  /** A user with a fresh random key. */
  static Party user(String name) {
    return new Party(name, UserKey.random(), null, null);
  }

  /** The operator. */
  static Party admin(String user, String password) {
    return new Party("admin", null, user, password);
  }

  String name() {
    return name;
  }

  /** The current token, if logged in. */
  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** Logs in once; false when the server refused or did not answer. */
  boolean login(ApiClient api) {
    if (key == null) {
      token = AdminCredentials.login(api, adminUser, adminPassword).orElse(null);
    } else {
      token = new LoginClient(api).login(key, null).map(s -> s.token()).orElse(null);
    }
    return token != null;
  }

  /** Forgets a token the server no longer accepts. */
  void forget(String stale) {
    if (stale != null && stale.equals(token)) {
      token = null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
