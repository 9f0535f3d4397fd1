package org.openpleb.ee.platform;

import java.util.List;

/**
 * The operator's settings break at least one rule, so the platform refuses to start rather than
 * trade with fees, limits or a mint it cannot trust.
 */
public class InvalidSettingsException extends IllegalStateException {

  private final List<String> violations;

  /** Creates the exception from violations that each name their key. */
  public InvalidSettingsException(List<String> violations) {
    super("Invalid OpenPleb settings: " + String.join("; ", violations));
    this.violations = List.copyOf(violations);
  }

  /** Every violation, each naming its key. */
  public List<String> violations() {
    return violations;
  }
}
