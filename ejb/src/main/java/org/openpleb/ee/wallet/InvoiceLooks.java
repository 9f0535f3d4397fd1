package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Instant payment detection without waiting for a watcher's tick: when a maker reads its offer or a
 * user its deposit while the invoice is unpaid as far as the server knows, the server asks the mint
 * about that invoice at once and answers with what the look found. The look runs on the mint
 * executor and the read waits for it at most {@code INVOICE_LOOK_WAIT}; whatever a look does not
 * finish in time it finishes in the background. Looks are bounded ({@link LookBudget}): one per
 * invoice per {@code INVOICE_LOOK_SPACING}, {@code INVOICE_LOOK_PER_SECOND} per user, {@value
 * #IN_FLIGHT} at once; a read beyond the budget is answered without a look, never refused.
 */
@ApplicationScoped
public class InvoiceLooks {

  private static final Logger LOG = Logger.getLogger(InvoiceLooks.class.getName());

  /** The most looks running at once (the mint executor runs deposit checks too). */
  static final int IN_FLIGHT = 2;

  /** The most invoices and users remembered by the budget. */
  static final int MAX_KEYS = 10_000;

  @Inject InvoiceLookConfig config;

  @Inject MintExecutor executor;

  /** The budget's monotonic clock; tests move their own. */
  LongSupplier nanos = System::nanoTime;

  private LookBudget budget;

  @PostConstruct
  void start() {
    budget = new LookBudget(nanos, config.spacing(), config.perSecond(), IN_FLIGHT, MAX_KEYS);
  }

  /**
   * Runs {@code look} (one look at invoice {@code invoiceKey}, for user {@code reader}) now if the
   * budget allows, and waits for it at most {@code INVOICE_LOOK_WAIT}.
   *
   * @return whether the look ran to its end within the wait
   */
  public boolean lookNow(String invoiceKey, String reader, Runnable look) {
    Optional<LookBudget.Permit> taken = budget.take(invoiceKey, reader);
    if (taken.isEmpty()) {
      return false;
    }
    LookBudget.Permit permit = taken.get();
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try (permit) {
              look.run();
              done.complete(null);
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException busy) {
      permit.close();
      return false;
    }
    try {
      done.get(config.waitFor().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException slow) {
      return false; // it finishes in the background; the read answers with what it knows
    } catch (ExecutionException failed) {
      // the watcher's next tick looks again; the read is answered all the same
      LOG.log(Level.FINE, "A look at an invoice on read failed", failed.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
