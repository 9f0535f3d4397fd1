package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.capacity.CapacityActions;

/**
 * What session wallets contribute when capacity runs short: at CRITICAL the idle handles are closed
 * now instead of at the next cleanup; at EMERGENCY every handle not in use is closed. Pinned
 * handles are never touched: an operation in flight finishes first.
 */
@ApplicationScoped
public class WalletCapacityRelief implements CapacityActions {

  private static final Logger LOG = Logger.getLogger(WalletCapacityRelief.class.getName());

  @EJB WalletRegistry registry;

  @Override
  public void aggressiveCleanup() {
    int closed = registry.closeIdle();
    LOG.log(Level.INFO, "Capacity cleanup closed {0} idle wallet(s)", closed);
  }

  @Override
  public void emergencyRelief() {
    int closed = registry.closeUnpinned();
    LOG.log(
        Level.WARNING,
        "Capacity relief closed {0} wallet(s); {1} still open and in use",
        new Object[] {closed, registry.openHandles()});
  }
}
