package org.openpleb.ee.settlement;

/**
 * Watches a settlement run pass the points between its records and its wallet calls. The platform
 * deploys none; crash tests deploy one that stops the server at a chosen point, to prove that a run
 * resumes from there without losing or doubling a sat.
 */
public interface SettlementProbe {

  /**
   * The moments a run passes, in the order a transfer passes them. A release passes
   * SENDING_RECORDED (its hold's amount recorded), RECEIVED (the hold returned to its owner) and
   * DONE_RECORDED.
   */
  enum Point {
    /** A transfer was recorded SENDING; its token is not made yet. */
    SENDING_RECORDED,
    /** The paying wallet made the token; it is not recorded yet. */
    TOKEN_MADE,
    /** The token was recorded; the step is SENT. */
    SENT_RECORDED,
    /** The receiving wallet took the token; the step is not recorded DONE yet. */
    RECEIVED,
    /** The step was recorded DONE (a release is recorded DONE once its hold was returned). */
    DONE_RECORDED
  }

  /** The run reached {@code point} in step {@code seq} of the offer's settlement. */
  void reached(String offerId, int seq, SettlementStep.Kind kind, Point point);
}
