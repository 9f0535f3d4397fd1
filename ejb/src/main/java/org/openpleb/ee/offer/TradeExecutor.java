package org.openpleb.ee.offer;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.openpleb.ee.platform.NamedExecutor;

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

  private final NamedExecutor pool = new NamedExecutor(JNDI_NAME, "The trade executor");

  /**
   * Runs {@code task} on the pool.
   *
   * @throws RejectedExecutionException when the pool takes no more work now
   */
  public <T> Future<T> submit(Callable<T> task) {
    return pool.get().submit(task);
  }
}
