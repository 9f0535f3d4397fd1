package org.openpleb.ee.platform;

/**
 * A feature's rules for its own settings. Each feature's config bean implements it; {@link
 * ConfigurationGuard} finds every implementation when the platform starts and refuses to deploy
 * while any rule is broken, so the platform never needs to know which features exist.
 *
 * <p>A rule should read the raw values through {@code check} (the typed checks there quote the
 * offending value and name the key); a rule that needs the bean's converted fields may use them, as
 * MicroProfile Config has already refused any value that does not convert. A rule for a secret
 * reports a violation that names the key and never quotes the value.
 */
public interface SettingsRule {

  /** Declares this feature's rules on {@code check}; broken ones become violations there. */
  void declare(ConfigCheck check);
}
