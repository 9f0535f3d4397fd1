package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;
import org.openpleb.ee.platform.NamedExecutor;

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

  private final NamedExecutor pool = new NamedExecutor(JNDI_NAME, "The mint executor");

  /**
   * Runs {@code task} on the executor.
   *
   * @throws RejectedExecutionException when the executor takes no more work now
   */
  public void execute(Runnable task) {
    pool.get().execute(task);
  }
}
