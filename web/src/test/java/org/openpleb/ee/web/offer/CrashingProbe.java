package org.openpleb.ee.web.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.settlement.SettlementProbe;
import org.openpleb.ee.settlement.SettlementStep;

/**
 * Test-only: stops the server dead (no shutdown hooks, like a power cut) when a settlement run
 * reaches the point named in the crash plan file, once: the plan is deleted first, so the restarted
 * server runs on. Deployed only into the crash IT's archive.
 */
@ApplicationScoped
public class CrashingProbe implements SettlementProbe {

  /** The setting naming the crash plan file. */
  static final String PLAN = "TEST_CRASH_PLAN";

  private static final Logger LOG = Logger.getLogger(CrashingProbe.class.getName());

  @Inject
  @ConfigProperty(name = PLAN)
  String planFile;

  @Override
  public void reached(String offerId, int seq, SettlementStep.Kind kind, Point point) {
    Path plan = Path.of(planFile);
    if (kind != SettlementStep.Kind.TRANSFER || !Files.exists(plan)) {
      return;
    }
    try {
      if (!Files.readString(plan, StandardCharsets.UTF_8).trim().equals(point.name())) {
        return;
      }
      Files.delete(plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.severe("Crash plan: halting at " + point + " of step " + seq + " of offer " + offerId);
    Runtime.getRuntime().halt(137);
  }
}
