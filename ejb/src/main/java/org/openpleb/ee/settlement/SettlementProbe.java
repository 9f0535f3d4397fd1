package org.openpleb.ee.settlement;

/**
 * Watches a settlement run pass its recorded points: after a step is marked SENDING, after its
 * token exists (before it is recorded), and after it is DONE. The platform deploys none; crash
 * tests deploy one that stops the server at a chosen point, to prove a run resumes from there.
 */
public interface SettlementProbe {

  /** The run reached {@code reached} for the step {@code seq} of the offer's settlement. */
  void reached(String offerId, int seq, SettlementStep.Kind kind, SettlementStep.State reached);
}
