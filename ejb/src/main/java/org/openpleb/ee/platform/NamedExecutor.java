package org.openpleb.ee.platform;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A bounded, container-managed executor that the web module defines under a JNDI name, found when
 * first used rather than injected: Payara checks {@code java:app} references at deployment before
 * application-defined executors are bound, and binds such definitions only from the WAR's own
 * classes. Should the name be unbound (an assembly without the definition), the platform's default
 * managed executor stands in, with a warning.
 */
public final class NamedExecutor {

  private static final Logger LOG = Logger.getLogger(NamedExecutor.class.getName());
  private static final String DEFAULT = "java:comp/DefaultManagedExecutorService";

  private final String jndiName;
  private final String purpose;
  private volatile ManagedExecutorService executor;

  /**
   * The executor bound at {@code jndiName}; {@code purpose} names it in the warning ("the trade
   * executor").
   */
  public NamedExecutor(String jndiName, String purpose) {
    this.jndiName = jndiName;
    this.purpose = purpose;
  }

  /** The executor, looked up on the first call. */
  public ManagedExecutorService get() {
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

  private ManagedExecutorService lookup() {
    try {
      return (ManagedExecutorService) new InitialContext().lookup(jndiName);
    } catch (NamingException | ClassCastException e) {
      LOG.log(
          Level.WARNING,
          "{0} {1} is missing; using {2}",
          new Object[] {purpose, jndiName, DEFAULT});
      LOG.log(Level.FINE, "lookup of " + jndiName, e);
      try {
        return (ManagedExecutorService) new InitialContext().lookup(DEFAULT);
      } catch (NamingException missing) {
        throw new IllegalStateException("No managed executor service is available", missing);
      }
    }
  }
}
