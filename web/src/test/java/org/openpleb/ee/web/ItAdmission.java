package org.openpleb.ee.web;

/**
 * Admission settings for IT deployments: the ITs log in many sessions from 127.0.0.1 in seconds,
 * which the production rate limits and the proof of work at WARNING and CRITICAL are there to stop.
 * Deployment helpers put these lines first, so an IT's own settings still override them; the flood
 * test sets its own limits.
 */
public final class ItAdmission {

  /** Limits no IT reaches by accident; no proof of work below EMERGENCY. */
  public static final String RELAXED =
      "RATE_LIMIT_CHALLENGE_BURST=100000\nRATE_LIMIT_CHALLENGE_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_LOGIN_BURST=100000\nRATE_LIMIT_LOGIN_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_OFFER_BURST=100000\nRATE_LIMIT_OFFER_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_DEPOSIT_BURST=100000\nRATE_LIMIT_DEPOSIT_PER_MINUTE=1000000\n"
          + "RATE_LIMIT_ADMIN_LOGIN_BURST=100000\nRATE_LIMIT_ADMIN_LOGIN_PER_MINUTE=1000000\n"
          + "SESSION_POW_BITS_WARNING=0\nSESSION_POW_BITS_CRITICAL=0\n";

  private ItAdmission() {}
}
