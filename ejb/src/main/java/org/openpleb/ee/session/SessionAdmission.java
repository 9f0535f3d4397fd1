package org.openpleb.ee.session;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The rule that decides whether a login may open one more session: at capacity level EMERGENCY only
 * with the EMERGENCY proof of work (so an honest client can still get in while a flood cannot
 * cheaply), and never when {@code SESSION_LIMIT} sessions are already live: the hard cap stays
 * hard, whatever work was done. Sessions that exist are never touched by this rule.
 */
public final class SessionAdmission {

  private SessionAdmission() {}

  /**
   * Judges a login.
   *
   * @param capacityAdmits whether the capacity monitor admits new sessions (false at EMERGENCY)
   * @param emergencyWorkDone whether the login's proof of work meets {@code
   *     SESSION_POW_BITS_EMERGENCY}, which admits it at EMERGENCY
   * @param liveSessions counts live sessions; asked only when capacity admits, because counting
   *     under the admission lock is the expensive part
   * @param limit {@code SESSION_LIMIT}
   * @return the refusal, or empty when the session may be opened
   */
  public static Optional<LoginRefusal> judge(
      boolean capacityAdmits, boolean emergencyWorkDone, LongSupplier liveSessions, int limit) {
    if (!capacityAdmits && !emergencyWorkDone) {
      return Optional.of(LoginRefusal.EMERGENCY);
    }
    if (liveSessions.getAsLong() >= limit) {
      return Optional.of(LoginRefusal.LIMIT);
    }
    return Optional.empty();
  }
}
