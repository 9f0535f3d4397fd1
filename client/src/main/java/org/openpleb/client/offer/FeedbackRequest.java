package org.openpleb.client.offer;

/**
 * The maker's verdict on the taker's receipt.
 *
 * @param verdict {@code APPROVE} or {@code ISSUE}
 * @param feedback optional words for the taker and, in a dispute, the admin
 */
public record FeedbackRequest(Verdict verdict, String feedback) {}
