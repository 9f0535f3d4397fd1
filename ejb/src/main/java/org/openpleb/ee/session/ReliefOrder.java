package org.openpleb.ee.session;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which sessions EMERGENCY relief closes, in which order. A session in a trade is never closed.
 * Otherwise the tiers, each only once the one before is empty:
 *
 * <ol>
 *   <li>{@link Tier#UNUSED}: no request since login, no balance, newest first. This is what a login
 *       flood leaves behind, and newest first because the newest are the likeliest to be the
 *       flood's: closing the oldest first would let fresh logins push out sessions that were there
 *       before them. Such a session loses nothing but its token.
 *   <li>{@link Tier#IDLE}: used, no balance, idle past {@code SESSION_IDLE_LIMIT}, least recently
 *       seen first.
 *   <li>{@link Tier#IDLE_FUNDED}: a balance, idle past {@code SESSION_IDLE_LIMIT}, least recently
 *       seen first (its money stays in its wallet for the next login).
 * </ol>
 *
 * So a session with activity or a balance is never closed while a session with neither is left.
 */
public final class ReliefOrder {

  /** The tiers, in the order relief works through them. */
  public enum Tier {
    /** Never used, nothing held. */
    UNUSED,
    /** Used, nothing held, idle. */
    IDLE,
    /** Holding sats, idle. */
    IDLE_FUNDED
  }

  /**
   * What to close now.
   *
   * @param tier the tier the sessions come from
   * @param sessionIds the sessions to close, in order
   */
  public record Plan(Tier tier, List<String> sessionIds) {}

  private ReliefOrder() {}

  /**
   * The sessions of the first non-empty tier among {@code candidates}.
   *
   * @param idleSince sessions last seen before this instant count as idle
   * @return the plan; its list is empty when nothing may be closed
   */
  public static Plan plan(List<ReliefCandidate> candidates, OffsetDateTime idleSince) {
    Predicate<ReliefCandidate> idle = c -> c.lastSeenAt().isBefore(idleSince);
    List<String> unused =
        pick(
            candidates,
            c -> !c.inTrade() && !c.holdsFunds() && !c.active(),
            Comparator.comparing(ReliefCandidate::createdAt).reversed());
    if (!unused.isEmpty()) {
      return new Plan(Tier.UNUSED, unused);
    }
    Comparator<ReliefCandidate> leastRecent = Comparator.comparing(ReliefCandidate::lastSeenAt);
    List<String> idleEmpty =
        pick(candidates, c -> !c.inTrade() && !c.holdsFunds() && idle.test(c), leastRecent);
    if (!idleEmpty.isEmpty()) {
      return new Plan(Tier.IDLE, idleEmpty);
    }
    return new Plan(
        Tier.IDLE_FUNDED,
        pick(candidates, c -> !c.inTrade() && c.holdsFunds() && idle.test(c), leastRecent));
  }

  private static List<String> pick(
      List<ReliefCandidate> candidates,
      Predicate<ReliefCandidate> filter,
      Comparator<ReliefCandidate> order) {
    return candidates.stream()
        .filter(filter)
        .sorted(order.thenComparing(ReliefCandidate::id))
        .map(ReliefCandidate::id)
        .toList();
  }
}
