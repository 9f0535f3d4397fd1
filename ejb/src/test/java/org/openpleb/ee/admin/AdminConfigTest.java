package org.openpleb.ee.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

  private static final String HASH = AdminPasswordHasher.hash("pw".toCharArray());

  private static AdminConfig config(String user, String hash, long expiry) {
    AdminConfig config = new AdminConfig();
    config.user = Optional.ofNullable(user);
    config.passwordHash = Optional.ofNullable(hash);
    config.sessionExpirySeconds = expiry;
    config.backoffMaxSeconds = 900;
    config.userBackoffMaxSeconds = 60;
    config.hashPermits = 2;
    return config;
  }

  @Test
  void withoutCredentialsAdminLoginIsOffAndThatIsNoError() {
    AdminConfig config = config(null, null, 3600);

    assertFalse(config.enabled());
    assertEquals(Optional.empty(), config.problem());
  }

  @Test
  void blankValuesCountAsUnset() {
    assertFalse(config("  ", HASH, 3600).enabled());
    assertFalse(config("admin", " ", 3600).enabled());
  }

  @Test
  void bothCredentialsEnableIt() {
    AdminConfig config = config(" admin ", HASH, 3600);

    assertTrue(config.enabled());
    assertEquals(Optional.of("admin"), config.user());
    assertEquals(Optional.empty(), config.problem());
  }

  @Test
  void halfTheCredentialsIsAConfigurationError() {
    assertTrue(config("admin", null, 3600).problem().orElseThrow().contains("Set both"));
    assertTrue(config(null, HASH, 3600).problem().orElseThrow().contains("Set both"));
  }

  @Test
  void aMalformedHashIsNamedButNeverQuoted() {
    String problem = config("admin", "plain-text-password", 3600).problem().orElseThrow();

    assertTrue(problem.startsWith(AdminConfig.ADMIN_PASSWORD_HASH), problem);
    assertFalse(problem.contains("plain-text-password"), problem);
  }

  @Test
  void theSessionExpiryMustBePositive() {
    assertTrue(
        config(null, null, 0).problem().orElseThrow().startsWith(AdminConfig.ADMIN_SESSION_EXPIRY));
  }

  @Test
  void theLoginGuardSettingsAreChecked() {
    AdminConfig config = config(null, null, 3600);
    config.hashPermits = 0;
    assertTrue(
        config.problem().orElseThrow().contains(AdminConfig.ADMIN_LOGIN_HASH_PERMITS),
        config.problem()::toString);
    config.hashPermits = 2;
    config.backoffMaxSeconds = 0;
    assertTrue(config.problem().orElseThrow().contains(AdminConfig.ADMIN_LOGIN_BACKOFF_MAX));
  }
}
