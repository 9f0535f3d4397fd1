package org.openpleb.ee.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.capacity.CapacityEstimate;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * The per-session and per-wallet memory footprint the capacity estimate starts from. The defaults
 * are the capacity analysis' planning figures; an operator replaces them with the figures the
 * benchmark measured on their build ({@code bench/} reports them).
 */
@ApplicationScoped
public class FootprintConfig implements SettingsRule {

  /** Heap held by one live session without its wallet, bytes. */
  public static final String SESSION_BYTES = "FOOTPRINT_SESSION_BYTES";

  /** Memory held by one open wallet handle, bytes. */
  public static final String WALLET_BYTES = "FOOTPRINT_WALLET_BYTES";

  /** Heap the application holds with no sessions, bytes. */
  public static final String BASELINE_HEAP_BYTES = "FOOTPRINT_BASELINE_HEAP_BYTES";

  @Inject
  @ConfigProperty(name = SESSION_BYTES)
  long sessionBytes;

  @Inject
  @ConfigProperty(name = WALLET_BYTES)
  long walletBytes;

  @Inject
  @ConfigProperty(name = BASELINE_HEAP_BYTES)
  long baselineHeapBytes;

  /** The footprint as configured. */
  public CapacityEstimate.Footprint footprint() {
    return new CapacityEstimate.Footprint(sessionBytes, walletBytes, baselineHeapBytes);
  }

  /** What is wrong with the figures, naming the key; empty when they are usable. */
  public Optional<String> problem() {
    if (sessionBytes < 1) {
      return Optional.of(SESSION_BYTES + " must be at least 1, got " + sessionBytes);
    }
    if (walletBytes < 1) {
      return Optional.of(WALLET_BYTES + " must be at least 1, got " + walletBytes);
    }
    if (baselineHeapBytes < 0) {
      return Optional.of(BASELINE_HEAP_BYTES + " must be at least 0, got " + baselineHeapBytes);
    }
    return Optional.empty();
  }

  /** Reports {@link #problem()}. */
  @Override
  public void declare(ConfigCheck check) {
    problem().ifPresent(check::violation);
  }
}
