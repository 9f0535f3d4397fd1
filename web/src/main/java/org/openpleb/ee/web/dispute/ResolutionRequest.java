package org.openpleb.ee.web.dispute;

import org.openpleb.ee.offer.Resolution;

/**
 * The admin's decision.
 *
 * @param resolution MAKER_WINS, TAKER_WINS, SPLIT or RETURN
 * @param reason why, for both parties and the audit log (required)
 */
public record ResolutionRequest(Resolution resolution, String reason) {}
