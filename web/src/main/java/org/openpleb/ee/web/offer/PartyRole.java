package org.openpleb.ee.web.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller's part in an offer, as an offer's {@code role} names it. The platform's own jobs act
 * on offers too, but never read them over HTTP, so they have no value here.
 */
@Schema(name = "Role", description = "The caller's part in the offer.")
public enum PartyRole {
  /** The user who created the offer. */
  MAKER,
  /** The user who claimed it. */
  TAKER,
  /** The operator, who reads every offer and resolves disputes. */
  ADMIN
}
