package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * The burst OpenPleb's backend does not survive (it strands escrows when more than about 75 offers
 * come due in five seconds): 2,000 funded offers, made by 20 makers over HTTP, come due at the same
 * instant (their deadlines are aligned after making them, which takes longer than a minute on a
 * busy build machine). All are refunded exactly once within two minutes of coming due while the
 * server keeps answering; every audit chain shows one expiry and one settlement, and the
 * conservation check passes afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class TradeBurstIT {

  private static final Logger LOG = Logger.getLogger(TradeBurstIT.class.getName());

  private static final int MAKERS = 20;
  private static final int OFFERS_PER_MAKER = 100;
  private static final int OFFERS = MAKERS * OFFERS_PER_MAKER;

  /** 1,000 KRW at 150,000,000 KRW per bitcoin: S 667 + P 107 + T 114 + B 567. */
  private static final long FUNDING = 1_455;

  private static final Books BOOKS = new Books();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_TIMEOUT_CREATED=900\nOFFER_TIMEOUT_INVOICE_PAID=900\nOFFER_SWEEP_INTERVAL=1000\n"
            + "OFFER_OPEN_LIMIT="
            + OFFERS_PER_MAKER
            + "\n");
  }

  @ArquillianResource URL base;

  @Test
  void twoThousandOffersDueInOneMinuteAreAllRefundedOnceWithinTwoMinutes() throws Exception {
    TradeClient api = new TradeClient(base);
    List<Session> makers = new ArrayList<>();
    for (int i = 0; i < MAKERS; i++) {
      Session maker = api.login();
      api.deposit(maker, FUNDING * OFFERS_PER_MAKER, BOOKS);
      makers.add(maker);
    }
    List<OffsetDateTime> deadlines = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(MAKERS);
    long madeFrom = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Session maker : makers) {
        work.add(pool.submit(() -> makeOffers(api, maker, deadlines)));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration making = Duration.ofNanos(System.nanoTime() - madeFrom);
    assertEquals(OFFERS, deadlines.size());
    String keys = String.join(",", makers.stream().map(Session::pubkey).toList());
    assertEquals((long) OFFERS, tally(api, keys).path("offer.INVOICE_PAID").asLong());
    OffsetDateTime due = OffsetDateTime.now().plusSeconds(10);
    assertEquals(
        OFFERS,
        api.support("POST", "due?makers=" + keys + "&at=" + due.toInstant())
            .path("updated")
            .asInt(),
        "every offer comes due at " + due);

    Prober prober = new Prober(api);
    Thread probe = new Thread(prober, "burst-prober");
    probe.start();
    OffsetDateTime allDoneBy = due.plusMinutes(2);
    JsonNode tally;
    try {
      do {
        Thread.sleep(1_000);
        tally = tally(api, keys);
      } while (tally.path("settlement.DONE").asLong() < OFFERS
          && OffsetDateTime.now().isBefore(allDoneBy.plusSeconds(30)));
    } finally {
      prober.stop.set(true);
      probe.join();
    }
    OffsetDateTime finished = OffsetDateTime.now();
    LOG.info(
        () ->
            "Burst: "
                + OFFERS
                + " offers made in "
                + making.toSeconds()
                + " s, all due at "
                + due
                + ", all settled "
                + Duration.between(due, finished).toSeconds()
                + " s after they came due; probes "
                + prober.answered
                + " answered, "
                + prober.failed
                + " failed, slowest "
                + prober.slowestMillis
                + " ms");

    JsonNode t = tally;
    assertEquals((long) OFFERS, t.path("offer.EXPIRED").asLong(), t::toString);
    assertEquals((long) OFFERS, t.path("settlement.DONE").asLong(), t::toString);
    assertTrue(finished.isBefore(allDoneBy), () -> "settled too late: " + finished);
    assertEquals((long) OFFERS, t.path("EXPIRE.once").asLong(), t::toString);
    assertEquals(0, t.path("EXPIRE.more").asLong(), t::toString);
    assertEquals((long) OFFERS, t.path("SETTLED.once").asLong(), t::toString);
    assertEquals(0, t.path("SETTLED.more").asLong(), t::toString);
    assertEquals(0, prober.failed.get(), "the server kept answering");
    assertTrue(prober.answered.get() > 0);
    assertTrue(prober.slowestMillis.get() < 5_000, () -> "slowest answer " + prober.slowestMillis);
    for (Session maker : makers) {
      JsonNode wallet = api.wallet(maker);
      assertEquals(FUNDING * OFFERS_PER_MAKER, wallet.path("spendable").asLong(), wallet::toString);
      assertEquals(0, wallet.path("reserved").asLong(), wallet::toString);
    }
    BOOKS.check(api);
  }

  private static Void makeOffers(TradeClient api, Session maker, List<OffsetDateTime> deadlines)
      throws Exception {
    for (int i = 0; i < OFFERS_PER_MAKER; i++) {
      String id = api.createOffer(maker, 1_000).path("id").asText();
      HttpResponse<String> funded =
          api.post("api/offers/" + id + "/funding", maker.token(), "{\"source\":\"BALANCE\"}");
      assertEquals(200, funded.statusCode(), funded::body);
      JsonNode offer = json(funded);
      assertEquals(FUNDING, json(funded).path("funding").asLong());
      deadlines.add(OffsetDateTime.parse(offer.path("expiresAt").asText()));
    }
    return null;
  }

  private static JsonNode tally(TradeClient api, String keys) throws Exception {
    return api.support("GET", "tally?makers=" + keys);
  }

  /** Asks for the order book every 200 ms and keeps the slowest answer. */
  private static final class Prober implements Runnable {
    private final TradeClient api;
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong slowestMillis = new AtomicLong();

    Prober(TradeClient api) {
      this.api = api;
    }

    @Override
    public void run() {
      while (!stop.get()) {
        long from = System.nanoTime();
        try {
          HttpResponse<String> book = api.get("api/offers?size=5", null);
          if (book.statusCode() == 200) {
            answered.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
        } catch (Exception e) {
          failed.incrementAndGet();
        }
        slowestMillis.accumulateAndGet((System.nanoTime() - from) / 1_000_000, Math::max);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
