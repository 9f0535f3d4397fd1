package org.openpleb.ee.session;

import java.util.Locale;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Why a login was refused: the problem code the client gets and the {@code reason} tag of the
 * {@code openpleb_sessions_rejected} counter.
 */
public enum LoginRefusal {
  /** The public key, challenge or signature is missing or not hex of the right length. */
  BAD_INPUT(ProblemCode.VALIDATION_FAILED),
  /** The signature does not verify. */
  BAD_SIGNATURE(ProblemCode.BAD_SIGNATURE),
  /** The challenge was never issued here, or was purged after it expired. */
  CHALLENGE_UNKNOWN(ProblemCode.CHALLENGE_UNKNOWN),
  /** The challenge already opened a session. */
  CHALLENGE_USED(ProblemCode.CHALLENGE_USED),
  /** The challenge expired before the login arrived. */
  CHALLENGE_EXPIRED(ProblemCode.CHALLENGE_EXPIRED),
  /** The proof of work is missing or too weak for the challenge or the capacity level. */
  POW_INSUFFICIENT(ProblemCode.PROOF_OF_WORK_INVALID),
  /** SESSION_LIMIT sessions are live. */
  LIMIT(ProblemCode.SESSION_LIMIT_REACHED),
  /** The capacity level is EMERGENCY and the login did not carry the EMERGENCY proof of work. */
  EMERGENCY(ProblemCode.CAPACITY_EMERGENCY);

  private final ProblemCode code;

  LoginRefusal(ProblemCode code) {
    this.code = code;
  }

  /** The problem code the client receives. */
  public ProblemCode code() {
    return code;
  }

  /** The metric tag value, e.g. {@code bad_signature}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the server, not the client, is the reason: the client should retry later. */
  public boolean isCapacity() {
    return this == LIMIT || this == EMERGENCY;
  }
}
