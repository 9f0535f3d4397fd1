package org.openpleb.ee.platform;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A startup inspection of the operator's settings: each feature declares the rules its keys must
 * satisfy, and every violation is collected with the key's name so the operator can fix them all in
 * one go. The values checked here are public settings, so a violation quotes the offending value; a
 * rule for a secret must never do that.
 */
public final class ConfigCheck {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Function<String, Optional<String>> source;
  private final List<String> violations = new ArrayList<>();
  private final Set<String> invalidKeys = new HashSet<>();

  /**
   * Inspects settings read through {@code source}, which returns the raw text of a key, or empty
   * when the key has no value at all.
   */
  public ConfigCheck(Function<String, Optional<String>> source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** A percentage: a decimal number from 0 to 100. */
  public void percentage(String key) {
    value(key)
        .ifPresent(
            raw -> {
              BigDecimal value = decimal(raw);
              if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                violate(key, raw, "a percentage from 0 to 100");
              }
            });
  }

  /** A whole number of at least 0 that fits a {@code long}. */
  public void nonNegativeLong(String key) {
    wholeNumber(key, 0, Long.MAX_VALUE, "a whole number of at least 0");
  }

  /** A whole number of at least 1 that fits a {@code long}. */
  public void positiveLong(String key) {
    wholeNumber(key, 1, Long.MAX_VALUE, "a whole number of at least 1");
  }

  /** A whole number of at least 0 that fits an {@code int}. */
  public void nonNegativeInt(String key) {
    wholeNumber(key, 0, Integer.MAX_VALUE, "a whole number from 0 to " + Integer.MAX_VALUE);
  }

  /** A whole number of at least 1 that fits an {@code int}. */
  public void positiveInt(String key) {
    wholeNumber(key, 1, Integer.MAX_VALUE, "a whole number from 1 to " + Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  public void wholeNumberBetween(String key, long min, long max) {
    wholeNumber(key, min, max, "a whole number from " + min + " to " + max);
  }

  /** An ISO 4217 currency code such as {@code KRW}. */
  public void currency(String key) {
    value(key)
        .ifPresent(
            raw -> {
              String code = raw.trim();
              boolean known;
              try {
                known = Currency.getInstance(code).getCurrencyCode().equals(code);
              } catch (IllegalArgumentException e) {
                known = false;
              }
              if (!known) {
                violate(key, raw, "an ISO 4217 currency code such as KRW or EUR");
              }
            });
  }

  /** An absolute http or https URL that must be present. */
  public void httpUrl(String key) {
    value(key).ifPresent(raw -> checkHttpUrl(key, raw));
  }

  /** An absolute http or https URL, or no value at all (blank counts as unset). */
  public void optionalHttpUrl(String key) {
    Optional<String> raw = source.apply(key).filter(text -> !text.isBlank());
    raw.ifPresent(text -> checkHttpUrl(key, text));
  }

  /**
   * A rule of the key's own for a value that may be absent or blank: {@code problem} returns what
   * the value must be when it breaks the rule, or {@code null} when it is fine.
   */
  public void optionalRule(String key, Function<String, String> problem) {
    source
        .apply(key)
        .filter(text -> !text.isBlank())
        .ifPresent(
            raw -> {
              String expectation = problem.apply(raw);
              if (expectation != null) {
                violate(key, raw, expectation);
              }
            });
  }

  /**
   * A cross-key rule: the whole number at {@code lowerKey} must not exceed the one at {@code
   * upperKey}. Declare it after both keys' own rules: it is skipped when either value already broke
   * one, which is reported on its own.
   */
  public void notAbove(String lowerKey, String upperKey) {
    if (invalidKeys.contains(lowerKey) || invalidKeys.contains(upperKey)) {
      return;
    }
    Optional<Long> lower = source.apply(lowerKey).map(ConfigCheck::whole);
    Optional<Long> upper = source.apply(upperKey).map(ConfigCheck::whole);
    if (lower.isPresent() && upper.isPresent() && lower.get() > upper.get()) {
      violations.add(
          lowerKey
              + " ("
              + lower.get()
              + ") must not exceed "
              + upperKey
              + " ("
              + upper.get()
              + ")");
    }
  }

  /**
   * A cross-key rule: the whole number at {@code lowerKey} must be below the one at {@code
   * upperKey}; declared and skipped like {@link #notAbove}.
   */
  public void below(String lowerKey, String upperKey) {
    if (invalidKeys.contains(lowerKey) || invalidKeys.contains(upperKey)) {
      return;
    }
    Optional<Long> lower = source.apply(lowerKey).map(ConfigCheck::whole);
    Optional<Long> upper = source.apply(upperKey).map(ConfigCheck::whole);
    if (lower.isPresent() && upper.isPresent() && lower.get() >= upper.get()) {
      violations.add(
          lowerKey + " (" + lower.get() + ") must be below " + upperKey + " (" + upper.get() + ")");
    }
  }

  /**
   * A key that was renamed: a value for {@code oldKey} is a violation naming {@code newKey}, so a
   * setting the operator made is never silently ignored.
   */
  public void renamed(String oldKey, String newKey) {
    if (source.apply(oldKey).isPresent()) {
      invalidKeys.add(oldKey);
      violations.add(oldKey + " was renamed " + newKey + "; set " + newKey + " instead");
    }
  }

  /**
   * The raw text of {@code key}, or empty when it has no value; for a rule of the feature's own.
   */
  public Optional<String> raw(String key) {
    return source.apply(key);
  }

  /**
   * A violation found by a rule of the feature's own; {@code message} must name the key and must
   * not quote a secret.
   */
  public void violation(String message) {
    violations.add(Objects.requireNonNull(message, "message"));
  }

  /** Every violation found so far, each naming its key. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Ends the inspection.
   *
   * @throws InvalidSettingsException when any rule was violated, listing every violation
   */
  public void enforce() {
    if (!violations.isEmpty()) {
      throw new InvalidSettingsException(violations);
    }
  }

  private void wholeNumber(String key, long min, long max, String expectation) {
    value(key)
        .ifPresent(
            raw -> {
              Long value = whole(raw);
              if (value == null || value < min || value > max) {
                violate(key, raw, expectation);
              }
            });
  }

  private void checkHttpUrl(String key, String raw) {
    boolean valid;
    try {
      URI uri = new URI(raw.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      valid = false;
    }
    if (!valid) {
      violate(key, raw, "an absolute http or https URL");
    }
  }

  /** The raw value of a required key; a missing or blank one is a violation. */
  private Optional<String> value(String key) {
    Optional<String> raw = source.apply(key).filter(text -> !text.isBlank());
    if (raw.isEmpty()) {
      invalidKeys.add(key);
      violations.add(key + " is required but has no value");
    }
    return raw;
  }

  private void violate(String key, String raw, String expectation) {
    invalidKeys.add(key);
    violations.add(key + " must be " + expectation + ", got '" + raw + "'");
  }

  private static Long whole(String raw) {
    try {
      return Long.valueOf(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal decimal(String raw) {
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
