package org.openpleb.ee.wallet;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.mint.QuoteSubscriptions;

/**
 * Instant payment detection by the mint's word: the funding watcher and the deposit watcher
 * subscribe to each unpaid invoice they watch over NUT-17 (where the mint advertises it), and a
 * notification that the invoice is paid runs the watcher's own immediate look on the {@link
 * MintExecutor} — the same lease and the same idempotent minting as a look on read, so a
 * notification can never mint twice and leaves the watcher's schedule as it was. Polling stays:
 * when the mint offers no NUT-17, the socket is down, or {@code MINT_SUBSCRIPTIONS} invoices are
 * already watched, the watchers' timers find the payment as before. Quote ids never reach a log
 * line.
 */
@ApplicationScoped
public class QuoteNotifications {

  private static final Logger LOG = Logger.getLogger(QuoteNotifications.class.getName());

  @Inject MintConnection mint;

  @Inject QuoteSubscriptionConfig config;

  @Inject MintExecutor executor;

  private QuoteSubscriptions subscriptions;
  private boolean closed;

  /**
   * Subscribes to an unpaid invoice: once the mint says it is paid, {@code onPaid} runs once on the
   * mint executor. Nothing when subscriptions are off, refused or not offered: polling finds it.
   *
   * @return whether the invoice is subscribed to
   */
  public boolean watch(String quoteId, Runnable onPaid) {
    QuoteSubscriptions subs = subscriptions();
    if (subs == null) {
      return false;
    }
    return subs.watchMintQuote(
        quoteId,
        state -> {
          if (state == MintQuoteState.UNPAID) {
            return;
          }
          subs.unwatch(quoteId);
          try {
            executor.execute(onPaid);
          } catch (RejectedExecutionException busy) {
            // the watcher's timer looks at it on its schedule
            LOG.log(Level.FINE, "A paid-invoice notification found the mint executor full");
          }
        });
  }

  /** Whether invoices are subscribed to at all ({@code MINT_SUBSCRIPTIONS} above 0). */
  public boolean on() {
    return config.max() > 0;
  }

  /** Stops the subscription to an invoice the watcher is done with. */
  public void unwatch(String quoteId) {
    QuoteSubscriptions subs = subscriptions();
    if (subs != null) {
      subs.unwatch(quoteId);
    }
  }

  /** Where the subscriptions stand, for operators; empty when they are off. */
  public Optional<QuoteSubscriptions.Status> status() {
    QuoteSubscriptions subs = subscriptions();
    return subs == null ? Optional.empty() : Optional.of(subs.status());
  }

  /** The subscriptions, made when first needed (no socket before the first unpaid invoice). */
  private synchronized QuoteSubscriptions subscriptions() {
    if (subscriptions == null && !closed && on()) {
      subscriptions =
          QuoteSubscriptions.builder(mint.client())
              .maxSubscriptions(config.max())
              .minBackoff(Duration.ofMillis(250))
              .maxBackoff(config.backoffMax())
              .build();
    }
    return subscriptions;
  }

  @PreDestroy
  synchronized void close() {
    closed = true;
    if (subscriptions != null) {
      subscriptions.close();
      subscriptions = null;
    }
  }
}
