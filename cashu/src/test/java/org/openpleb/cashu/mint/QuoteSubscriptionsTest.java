package org.openpleb.cashu.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

/**
 * The NUT-17 subscriber against a real dev mint in this JVM: a watched quote hears UNPAID at once
 * and PAID when it is paid, also after the mint dropped every socket (the subscriber reopens and
 * subscribes again); a mint that does not advertise NUT-17 is never asked for a socket; the bound
 * of watched quotes holds; closing ends the socket.
 */
class QuoteSubscriptionsTest {

  private static final long WAIT_SECONDS = 20;

  private DevMint mint;
  private QuoteSubscriptions subs;

  @AfterEach
  void stop() {
    if (subs != null) {
      subs.close();
    }
    if (mint != null) {
      mint.close();
    }
  }

  private HttpMintClient start(boolean nut17) {
    mint = DevMint.start(DevMintConfig.defaults().withAutoPay(false).withNut17(nut17));
    return HttpMintClient.create(mint.url());
  }

  @Test
  void theSocketAddressFollowsTheMintUrl() {
    assertEquals(
        URI.create("ws://127.0.0.1:3338/v1/ws"),
        QuoteSubscriptions.socketUri("http://127.0.0.1:3338"));
    assertEquals(
        URI.create("wss://mint.example/cashu/v1/ws"),
        QuoteSubscriptions.socketUri("https://mint.example/cashu/"));
  }

  @Test
  void aWatchedQuoteHearsUnpaidAtOnceAndPaidWhenPaid() throws Exception {
    HttpMintClient client = start(true);
    subs = QuoteSubscriptions.builder(client).build();
    String quote = client.createMintQuote(100, "sat").quote();
    BlockingQueue<MintQuoteState> heard = new LinkedBlockingQueue<>();

    assertTrue(subs.watchMintQuote(quote, heard::add));
    assertEquals(MintQuoteState.UNPAID, heard.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(QuoteSubscriptions.Link.OPEN, subs.status().link());

    mint.control().markQuotePaid(quote);
    assertEquals(MintQuoteState.PAID, heard.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(1, mint.openSockets());
  }

  @Test
  void afterTheMintDroppedItsSocketsTheSubscriberReopensAndStillHearsThePayment() throws Exception {
    HttpMintClient client = start(true);
    subs =
        QuoteSubscriptions.builder(client)
            .minBackoff(Duration.ofMillis(50))
            .maxBackoff(Duration.ofMillis(500))
            .pingInterval(Duration.ofMillis(500))
            .build();
    String quote = client.createMintQuote(100, "sat").quote();
    BlockingQueue<MintQuoteState> heard = watchedUnpaid(quote);

    assertEquals(1, mint.control().dropSockets());
    awaitTrue(() -> subs.status().reopened() == 1, "the subscriber reopened its socket");
    awaitTrue(() -> mint.openSockets() == 1, "the mint serves the new socket");

    // the resubscription's first answer is UNPAID again: not repeated to the callback
    paidAndHeard(quote, heard);
  }

  @Test
  void aPaymentWhileTheSocketIsDownIsHeardOnReopening() throws Exception {
    HttpMintClient client = start(true);
    subs =
        QuoteSubscriptions.builder(client)
            .minBackoff(Duration.ofMillis(300))
            .maxBackoff(Duration.ofMillis(300))
            .pingInterval(Duration.ofMillis(500))
            .build();
    String quote = client.createMintQuote(100, "sat").quote();
    BlockingQueue<MintQuoteState> heard = watchedUnpaid(quote);

    assertEquals(1, mint.control().dropSockets());
    mint.control().markQuotePaid(quote);

    assertEquals(MintQuoteState.PAID, heard.poll(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void aSocketThatFellSilentIsReopenedAndStillHearsThePayment() throws Exception {
    HttpMintClient client = start(true);
    subs =
        QuoteSubscriptions.builder(client)
            .minBackoff(Duration.ofMillis(50))
            .maxBackoff(Duration.ofMillis(500))
            .pingInterval(Duration.ofMillis(200))
            .build();
    String quote = client.createMintQuote(100, "sat").quote();
    BlockingQueue<MintQuoteState> heard = watchedUnpaid(quote);

    // open at both ends, but the mint neither sends nor answers pings any more
    assertEquals(1, mint.control().muteSockets());
    awaitTrue(() -> subs.status().reopened() == 1, "the subscriber gave up the silent socket");
    awaitTrue(() -> mint.openSockets() == 1, "the mint serves the new socket only");

    paidAndHeard(quote, heard);
  }

  @Test
  void aSocketThatAnswersItsPingsStaysOpen() throws Exception {
    HttpMintClient client = start(true);
    subs = QuoteSubscriptions.builder(client).pingInterval(Duration.ofMillis(500)).build();
    watchedUnpaid(client.createMintQuote(100, "sat").quote());

    // ten intervals with nothing to say: only the pongs keep it alive
    Thread.sleep(5000);
    assertEquals(0, subs.status().reopened());
    assertEquals(QuoteSubscriptions.Link.OPEN, subs.status().link());
    assertEquals(1, mint.openSockets());
  }

  @Test
  void aMintWithoutNut17IsNeverAskedForASocket() throws Exception {
    HttpMintClient client = start(false);
    subs = QuoteSubscriptions.builder(client).build();
    String quote = client.createMintQuote(100, "sat").quote();
    BlockingQueue<MintQuoteState> heard = new LinkedBlockingQueue<>();

    subs.watchMintQuote(quote, heard::add);
    awaitTrue(
        () -> subs.status().link() == QuoteSubscriptions.Link.NOT_OFFERED,
        "the subscriber read the mint's info");
    assertEquals(0, subs.status().watched(), "the watch is left to polling");
    assertFalse(subs.watchMintQuote(quote, heard::add), "later watches are refused at once");

    mint.control().markQuotePaid(quote);
    assertEquals(null, heard.poll(300, TimeUnit.MILLISECONDS));
    assertFalse(client.info().supports(17));
  }

  @Test
  void noMoreQuotesAreWatchedThanTheBoundAndClosingEndsTheSocket() throws Exception {
    HttpMintClient client = start(true);
    subs = QuoteSubscriptions.builder(client).maxSubscriptions(2).build();
    BlockingQueue<MintQuoteState> heard = new LinkedBlockingQueue<>();
    assertTrue(subs.watchMintQuote(client.createMintQuote(1, "sat").quote(), heard::add));
    assertTrue(subs.watchMintQuote(client.createMintQuote(2, "sat").quote(), heard::add));
    assertFalse(subs.watchMintQuote(client.createMintQuote(3, "sat").quote(), heard::add));
    assertEquals(2, subs.status().watched());
    awaitTrue(() -> mint.openSockets() == 1, "one socket for both quotes");

    subs.close();
    assertEquals(QuoteSubscriptions.Link.CLOSED, subs.status().link());
    assertFalse(subs.watchMintQuote("any", heard::add));
    awaitTrue(() -> mint.openSockets() == 0, "the mint saw the socket close");
  }

  /** Watches the quote and waits until the mint serves the socket and said UNPAID. */
  private BlockingQueue<MintQuoteState> watchedUnpaid(String quote) throws InterruptedException {
    BlockingQueue<MintQuoteState> heard = new LinkedBlockingQueue<>();
    assertTrue(subs.watchMintQuote(quote, heard::add));
    assertEquals(MintQuoteState.UNPAID, heard.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    awaitTrue(() -> mint.openSockets() == 1, "the mint serves the socket");
    return heard;
  }

  /** The quote is paid and the callback hears it, next, over an open socket. */
  private void paidAndHeard(String quote, BlockingQueue<MintQuoteState> heard)
      throws InterruptedException {
    mint.control().markQuotePaid(quote);
    assertEquals(MintQuoteState.PAID, heard.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(QuoteSubscriptions.Link.OPEN, subs.status().link());
  }

  /** Waits for something the mint or the subscriber does on their own threads. */
  private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting until " + what + (subs == null ? "" : "; " + subs.status()));
      }
      Thread.sleep(10);
    }
  }
}
