package org.openpleb.ee.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.mint.QuoteSubscriptions;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

/**
 * The server's NUT-17 subscriptions against a real dev mint: the mint's word that an invoice is
 * paid hands exactly one look to the mint executor and ends the subscription; the current UNPAID
 * state sent on subscribing hands none; {@code MINT_SUBSCRIPTIONS=0} opens nothing.
 */
class QuoteNotificationsTest {

  private DevMint mint;
  private QuoteNotifications notifications;
  private final BlockingQueue<Runnable> executed = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    if (notifications != null) {
      notifications.close();
    }
    if (mint != null) {
      mint.close();
    }
  }

  private HttpMintClient start(int max) {
    mint = DevMint.start(DevMintConfig.defaults().withAutoPay(false));
    HttpMintClient client = HttpMintClient.create(mint.url());
    QuoteSubscriptionConfig config = new QuoteSubscriptionConfig();
    config.max = max;
    config.backoffMaxMillis = 1000;
    notifications = new QuoteNotifications();
    notifications.config = config;
    notifications.mint =
        new MintConnection() {
          @Override
          public MintClient client() {
            return client;
          }
        };
    notifications.executor =
        new MintExecutor() {
          @Override
          public void execute(Runnable task) {
            executed.add(task);
          }
        };
    return client;
  }

  @Test
  void thePaidNotificationHandsOneLookToTheExecutorAndEndsTheSubscription() throws Exception {
    HttpMintClient client = start(10);
    String quote = client.createMintQuote(50, "sat").quote();
    AtomicInteger looks = new AtomicInteger();

    assertTrue(notifications.watch(quote, looks::incrementAndGet));
    awaitOpen();
    assertEquals(1, notifications.status().orElseThrow().watched());
    assertNull(executed.poll(300, TimeUnit.MILLISECONDS), "UNPAID asks for no look");

    mint.control().markQuotePaid(quote);

    Runnable look = executed.poll(20, TimeUnit.SECONDS);
    assertNotNull(look, "the paid notification asked for a look");
    look.run();
    assertEquals(1, looks.get());
    assertEquals(0, notifications.status().orElseThrow().watched());
    assertNull(executed.poll(300, TimeUnit.MILLISECONDS), "one look per payment");
  }

  @Test
  void zeroSubscriptionsOpenNothing() throws Exception {
    HttpMintClient client = start(0);
    String quote = client.createMintQuote(50, "sat").quote();

    assertFalse(notifications.on());
    assertFalse(notifications.watch(quote, () -> {}));
    assertTrue(notifications.status().isEmpty());
    assertEquals(0, mint.openSockets());
  }

  private void awaitOpen() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (notifications.status().orElseThrow().link() != QuoteSubscriptions.Link.OPEN) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the socket did not open");
      }
      Thread.sleep(10);
    }
  }
}
