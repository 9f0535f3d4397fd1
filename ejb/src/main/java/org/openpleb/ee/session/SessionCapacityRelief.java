package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpleb.ee.capacity.CapacityActions;

/**
 * What sessions contribute when capacity runs short: at CRITICAL the expiry sweep runs at once
 * instead of waiting for its timer; at EMERGENCY sessions are closed in the order of (see {@link
 * ReliefOrder}). Closed sessions announce {@link SessionClosed}, so the wallet registry releases
 * their wallets.
 */
@ApplicationScoped
public class SessionCapacityRelief implements CapacityActions {

  @EJB SessionSweeper sweeper;

  @Override
  public void aggressiveCleanup() {
    sweeper.closeExpired();
  }

  @Override
  public void emergencyRelief() {
    sweeper.closeExpired();
    sweeper.closeIdle();
  }
}
