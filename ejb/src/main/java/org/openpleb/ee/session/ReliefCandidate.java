package org.openpleb.ee.session;

import java.time.OffsetDateTime;

/**
 * A live session as capacity relief sees it.
 *
 * @param id the session id
 * @param createdAt when it was opened
 * @param lastSeenAt its last recorded activity; equal to {@code createdAt} (or earlier) when it has
 *     made no request since login
 * @param holdsFunds whether its wallet holds sats
 * @param inTrade whether it takes part in an unfinished trade
 */
public record ReliefCandidate(
    String id,
    OffsetDateTime createdAt,
    OffsetDateTime lastSeenAt,
    boolean holdsFunds,
    boolean inTrade) {

  /** Whether the session made a request after its login. */
  public boolean active() {
    return lastSeenAt.isAfter(createdAt);
  }
}
