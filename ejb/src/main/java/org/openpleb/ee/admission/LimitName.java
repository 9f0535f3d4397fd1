package org.openpleb.ee.admission;

import java.util.Locale;

/**
 * The per-address rate limits, one token bucket per client address each. Every limit has two
 * settings, {@code RATE_LIMIT_<NAME>_BURST} and {@code RATE_LIMIT_<NAME>_PER_MINUTE}.
 */
public enum LimitName {
  /** {@code POST /api/sessions/challenge}. */
  CHALLENGE,
  /** {@code POST /api/sessions}. */
  LOGIN,
  /** {@code POST /api/offers}. */
  OFFER,
  /** {@code POST /api/wallet/deposits/lightning} and {@code /deposits/token}. */
  DEPOSIT,
  /** {@code POST /api/admin/sessions}. */
  ADMIN_LOGIN;

  /** The key of the bucket size: how many requests an address may send at once. */
  public String burstKey() {
    return "RATE_LIMIT_" + name() + "_BURST";
  }

  /** The key of the refill rate: how many requests per minute an address may send for good. */
  public String perMinuteKey() {
    return "RATE_LIMIT_" + name() + "_PER_MINUTE";
  }

  /** The metric tag, e.g. {@code admin_login}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
