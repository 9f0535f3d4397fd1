package org.openpleb.ee.web.platform;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import org.openpleb.ee.offer.TradeExecutor;
import org.openpleb.ee.wallet.MintExecutor;

/**
 * Defines the application's bounded, container-managed executors, which the domain looks up by
 * name: the trade workers ({@link TradeExecutor}) and the wallets' background mint I/O ({@link
 * MintExecutor}). The definitions sit in the web module because Payara Micro binds executor
 * definitions only from the WAR's own classes, not from the EJB jar inside it; they sit here, and
 * not on a resource, because no HTTP endpoint owns them. The class is never instantiated: only its
 * annotations matter.
 */
@ManagedExecutorDefinition(
    name = TradeExecutor.JNDI_NAME,
    maxAsync = TradeExecutor.WORKERS,
    hungTaskThreshold = 300_000)
@ManagedExecutorDefinition(
    name = MintExecutor.JNDI_NAME,
    maxAsync = MintExecutor.CONCURRENCY,
    hungTaskThreshold = 300_000)
public final class ManagedExecutors {

  private ManagedExecutors() {}
}
