package org.openpleb.ee.offer;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The small container-managed worker pool the sweeper and the invoice watcher hand single offers
 * to: {@value #JNDI_NAME}, at most {@value #WORKERS} at once. The web module defines it (on {@code
 * web.platform.ManagedExecutors}), because Payara Micro binds executor definitions only from the
 * WAR's own classes; it is looked up when first used, and the platform's default managed executor
 * stands in (with a warning) in an assembly without the definition.
 */
@ApplicationScoped
public class TradeExecutor {

  /** JNDI name of the executor. */
  public static final String JNDI_NAME = "java:app/concurrent/tradeExecutor";

  /** Offers worked on at once. */
  public static final int WORKERS = 4;

  private static final Logger LOG = Logger.getLogger(TradeExecutor.class.getName());
  private static final String DEFAULT = "java:comp/DefaultManagedExecutorService";

  private volatile ManagedExecutorService executor;

  /**
   * Runs {@code task} on the pool.
   *
   * @throws RejectedExecutionException when the pool takes no more work now
   */
  public <T> Future<T> submit(Callable<T> task) {
    return executor().submit(task);
  }

  private ManagedExecutorService executor() {
    ManagedExecutorService found = executor;
    if (found == null) {
      synchronized (this) {
        if (executor == null) {
          executor = lookup();
        }
        found = executor;
      }
    }
    return found;
  }

  private static ManagedExecutorService lookup() {
    try {
      return (ManagedExecutorService) new InitialContext().lookup(JNDI_NAME);
    } catch (NamingException | ClassCastException e) {
      LOG.log(
          Level.WARNING, "The trade executor " + JNDI_NAME + " is missing; using " + DEFAULT, e);
      try {
        return (ManagedExecutorService) new InitialContext().lookup(DEFAULT);
      } catch (NamingException missing) {
        throw new IllegalStateException("No managed executor service is available", missing);
      }
    }
  }
}
