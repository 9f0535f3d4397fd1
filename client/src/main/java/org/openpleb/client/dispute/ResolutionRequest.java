package org.openpleb.client.dispute;

import org.openpleb.client.offer.Resolution;

/**
 * The admin's decision on a dispute.
 *
 * @param resolution {@code MAKER_WINS}, {@code TAKER_WINS}, {@code SPLIT} or {@code RETURN}
 * @param reason why, for both parties and the audit log (required)
 */
public record ResolutionRequest(Resolution resolution, String reason) {}
