package org.openpleb.ee.capacity;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one capacity check: the new status and the relief work it calls for.
 *
 * @param previous the status before the check
 * @param status the status after the check
 * @param actions relief to run now, in order
 */
public record CapacityDecision(
    CapacityStatus previous, CapacityStatus status, List<ReliefAction> actions) {

  public CapacityDecision {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(status, "status");
    actions = List.copyOf(actions);
  }

  /** Whether the effective level changed. */
  public boolean levelChanged() {
    return previous.level() != status.level();
  }

  /** Whether the effective level went up. */
  public boolean levelRose() {
    return status.level().isAbove(previous.level());
  }
}
