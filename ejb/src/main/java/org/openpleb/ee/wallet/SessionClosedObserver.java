package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.session.SessionClosed;

/**
 * Retires a session's wallet when the session ends ({@link SessionClosed}, fired after the close
 * committed). The work may ask the mint about withdrawn tokens, so it runs on the bounded mint
 * executor instead of the thread that closed the session; a task the executor cannot take is left
 * to the cleanup timer's sweep.
 */
@ApplicationScoped
public class SessionClosedObserver {

  private static final Logger LOG = Logger.getLogger(SessionClosedObserver.class.getName());

  @EJB WalletRetirement retirement;

  @Inject MintExecutor executor;

  void onSessionClosed(@Observes SessionClosed closed) {
    String walletId = closed.walletId();
    try {
      executor.execute(() -> retirement.retireQuietly(walletId));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "Retiring wallet {0} is left to the cleanup sweep", walletId);
    }
  }
}
