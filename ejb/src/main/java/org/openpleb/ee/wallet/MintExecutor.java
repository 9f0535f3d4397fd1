package org.openpleb.ee.wallet;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The bounded, container-managed executor for the wallets' background mint I/O (deposit checks,
 * retiring the wallets of ended sessions): {@value #JNDI_NAME}, at most {@value #CONCURRENCY} tasks
 * at once. The web module defines it ({@code @ManagedExecutorDefinition} on {@code
 * web.platform.ManagedExecutors}), because Payara Micro binds such definitions only from the WAR's
 * own classes, not from the EJB jar inside it. It is looked up when first used rather than
 * injected, because Payara's deployment-time check of {@code java:app} references runs before
 * application-defined executors are bound. Should the lookup fail (an assembly without that
 * definition), the platform's default managed executor stands in, with a warning.
 */
@ApplicationScoped
public class MintExecutor {

  /** JNDI name of the executor. */
  public static final String JNDI_NAME = "java:app/concurrent/mintExecutor";

  /** The most background mint calls running at once. */
  public static final int CONCURRENCY = 4;

  private static final Logger LOG = Logger.getLogger(MintExecutor.class.getName());
  private static final String DEFAULT = "java:comp/DefaultManagedExecutorService";

  private volatile ManagedExecutorService executor;

  /**
   * Runs {@code task} on the executor.
   *
   * @throws RejectedExecutionException when the executor takes no more work now
   */
  public void execute(Runnable task) {
    executor().execute(task);
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
      LOG.log(Level.WARNING, "The mint executor " + JNDI_NAME + " is missing; using " + DEFAULT, e);
      try {
        return (ManagedExecutorService) new InitialContext().lookup(DEFAULT);
      } catch (NamingException missing) {
        throw new IllegalStateException("No managed executor service is available", missing);
      }
    }
  }
}
