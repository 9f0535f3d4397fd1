package org.openpleb.ee.web.offer;

/**
 * The maker's verdict on the taker's receipt.
 *
 * @param verdict {@code APPROVE} (the fiat arrived) or {@code ISSUE} (it did not, or not in full)
 * @param feedback optional words for the taker and, in a dispute, the admin
 */
public record FeedbackRequest(Verdict verdict, String feedback) {}
