package org.openpleb.ee.offer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an offer may stay in each timed state, measured from the moment it entered the state
 * (OpenPleb counted every deadline from creation, spec §4.4, which left late claims seconds to
 * pay). DISPUTED waits for the admin and terminal states wait for nothing.
 */
public final class StateDeadlines {

  private final Map<OfferState, Duration> timeouts;

  /**
   * The deadlines with {@code timeouts} for every timed state.
   *
   * @throws IllegalArgumentException if a timed state has no positive timeout
   */
  public StateDeadlines(Map<OfferState, Duration> timeouts) {
    EnumMap<OfferState, Duration> copy = new EnumMap<>(OfferState.class);
    for (OfferState state : OfferState.withDeadline()) {
      Duration d = timeouts.get(state);
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("state " + state + " needs a positive timeout");
      }
      copy.put(state, d);
    }
    this.timeouts = copy;
  }

  /** How long an offer may stay in {@code state}, if a deadline runs there. */
  public Optional<Duration> timeout(OfferState state) {
    return Optional.ofNullable(timeouts.get(Objects.requireNonNull(state, "state")));
  }

  /** When an offer that entered {@code state} at {@code enteredAt} is due, or empty if never. */
  public Optional<OffsetDateTime> deadline(OfferState state, OffsetDateTime enteredAt) {
    return timeout(state).map(enteredAt::plus);
  }
}
