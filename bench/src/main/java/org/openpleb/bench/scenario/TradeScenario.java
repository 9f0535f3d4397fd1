package org.openpleb.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.openpleb.bench.BenchmarkPlan;
import org.openpleb.bench.client.ApiClient;
import org.openpleb.bench.client.ApiResponse;
import org.openpleb.bench.client.ApiSurface;
import org.openpleb.bench.client.UserSession;
import org.openpleb.bench.report.RunResults.Trades;
import org.openpleb.bench.stats.EndpointLatency;
import org.openpleb.bench.stats.LatencyRecorder;
import org.openpleb.bench.stats.Percentiles;

/**
 * Trading as makers and takers do it, over HTTP only:
 *
 * <ol>
 *   <li><b>funding</b>: many makers (one session each) create an offer and ask for its Lightning
 *       invoice; the dev mint pays it and the server's watcher mints the escrow. Server and dev
 *       mint CPU over the stretch, divided by the offers funded, is the CPU per funded offer.
 *   <li><b>funding sequence</b>: one client at a time creates, asks for the invoice and reads the
 *       offer until it is funded — the original backend's create/invoice/paid sequence.
 *   <li><b>order book</b>: one page and the whole book read at one client, with the server CPU per
 *       read and the bytes per offer.
 *   <li><b>whole trades</b>: concurrent trader pairs run fund → claim → receipt → approve.
 * </ol>
 *
 * <p>The sessions used are taken from the pool after the ones the wallet scenario funded.
 */
public final class TradeScenario {

  /** The operations the scenario needs. */
  public static final List<String> REQUIRED =
      List.of(
          "POST /api/offers",
          "GET /api/offers",
          "GET /api/offers/{id}",
          "POST /api/offers/{id}/invoice",
          "POST /api/offers/{id}/claim",
          "POST /api/offers/{id}/receipt",
          "POST /api/offers/{id}/feedback",
          "POST /api/wallet/deposits/lightning");

  /** Fiat amount of every offer: 10,000 KRW (about 6,667 sats at the fixed bench price). */
  static final long FIAT_AMOUNT = 10_000;

  /** Sats a taker deposits before trading: enough for several bonds. */
  static final long TAKER_DEPOSIT_SATS = 50_000;

  private static final long FUNDED_TIMEOUT_NANOS = 300_000_000_000L;
  private static final String CREATE = "POST /api/offers";
  private static final String INVOICE = "POST /api/offers/{id}/invoice";
  private static final String READ = "GET /api/offers/{id}";
  private static final String CLAIM = "POST /api/offers/{id}/claim";
  private static final String RECEIPT = "POST /api/offers/{id}/receipt";
  private static final String FEEDBACK = "POST /api/offers/{id}/feedback";
  private static final String BOOK = "GET /api/offers";

  private final ServerUnderTest server;
  private final SessionPool pool;
  private final int firstSession;
  private final List<String> notes;

  /**
   * The scenario on {@code server} with sessions of {@code pool} from index {@code firstSession}
   * on.
   */
  public TradeScenario(
      ServerUnderTest server, SessionPool pool, int firstSession, List<String> notes) {
    this.server = server;
    this.pool = pool;
    this.firstSession = firstSession;
    this.notes = notes;
  }

  /** Runs the trading stretches the plan asks for. */
  public Trades run(ApiSurface surface, BenchmarkPlan plan) {
    List<String> missing = surface.missing(REQUIRED);
    if (!missing.isEmpty()) {
      return unavailable("the server lacks " + String.join(", ", missing));
    }
    int warm = Math.min(50, plan.fundedOffers() / 10);
    int needed =
        warm + plan.fundedOffers() + plan.fundingSequences() + 2 * plan.traders() + firstSession;
    if (pool.size() < needed) {
      return unavailable(
          "the run holds " + pool.size() + " sessions; trading needs " + needed + " of them");
    }
    ApiClient api = server.api();
    int next = firstSession;

    // 0. warm-up: a few funded offers load and compile the trading code before anything counts
    for (UserSession maker : sessions(next, warm)) {
      String id = createAndInvoice(api, maker, next);
      if (id != null) {
        awaitStatus(api, maker, id, "INVOICE_PAID", 50);
      }
    }
    next += warm;

    // 1. funding stretch
    List<UserSession> makers = sessions(next, plan.fundedOffers());
    next += plan.fundedOffers();
    long bookBefore = bookSize(api);
    server.startProfile(ServerUnderTest.PROFILE_FUNDING);
    ServerUnderTest.CpuMark fundStart = server.cpuMark();
    AtomicInteger invoiced = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    SessionPool.runConcurrently(
        8,
        worker -> {
          for (int i = worker; i < makers.size(); i += 8) {
            String id = createAndInvoice(api, makers.get(i), i);
            if (id != null) {
              invoiced.incrementAndGet();
            } else {
              failures.incrementAndGet();
            }
          }
        });
    long target = bookBefore + invoiced.get();
    long funded = waitForBook(api, target) - bookBefore;
    ServerUnderTest.CpuMark fundEnd = server.cpuMark();
    server.stopProfile();
    double fundSeconds = fundEnd.secondsSince(fundStart);
    if (failures.get() > 0 || funded < invoiced.get()) {
      notes.add(
          String.format(
              "Funding stretch: %d of %d offers could not be created or invoiced, %d invoiced"
                  + " offers were not funded within the timeout.",
              failures.get(), makers.size(), invoiced.get() - funded));
    }
    double cpuPerOffer = funded > 0 ? (fundEnd.server() - fundStart.server()) * 1000 / funded : 0;
    double mintPerOffer = funded > 0 ? (fundEnd.mint() - fundStart.mint()) * 1000 / funded : 0;
    double databasePerOffer =
        funded > 0 ? (fundEnd.database() - fundStart.database()) * 1000 / funded : 0;
    SessionMemoryScenario.log(
        "funding: %d offers funded in %.1f s, %.2f ms server CPU each (dev mint %.2f ms)",
        funded, fundSeconds, cpuPerOffer, mintPerOffer);

    // 2. funding sequences at one client
    LatencyRecorder sequence = new LatencyRecorder();
    for (UserSession maker : sessions(next, plan.fundingSequences())) {
      long start = System.nanoTime();
      String id = createAndInvoice(api, maker, next);
      if (id != null && awaitStatus(api, maker, id, "INVOICE_PAID", 10)) {
        sequence.success("create → funded", System.nanoTime() - start);
      } else {
        sequence.failure("create → funded");
      }
    }
    next += plan.fundingSequences();

    // 3. order book at one client: one page many times, the whole book a few times
    UserSession reader = pool.get(0);
    int bookOffers = (int) bookSize(api);
    LatencyRecorder pageRec = new LatencyRecorder();
    int pageReads = "quick".equals(plan.mode()) ? 10 : 200;
    long bytes = 0;
    int offersSeen = 0;
    double before = server.serverCpu();
    for (int i = 0; i < pageReads; i++) {
      ApiResponse page = api.get(BOOK, "/api/offers?size=100", reader.token());
      if (page.ok()) {
        pageRec.success(BOOK, page.nanos());
      } else {
        pageRec.failure(BOOK);
      }
    }
    double cpuPerPage = (server.serverCpu() - before) * 1000 / pageReads;
    int fullReads = "quick".equals(plan.mode()) ? 2 : 10;
    before = server.serverCpu();
    for (int i = 0; i < fullReads; i++) {
      for (int page = 0; ; page++) {
        ApiResponse r = api.get(BOOK, "/api/offers?size=100&page=" + page, reader.token());
        JsonNode offers = r.json().path("offers");
        if (!r.ok() || offers.size() == 0) {
          break;
        }
        if (i == 0) {
          bytes += r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
          offersSeen += offers.size();
        }
        if (offers.size() < 100) {
          break;
        }
      }
    }
    double cpuPerFullRead = (server.serverCpu() - before) * 1000 / fullReads;

    // 4. whole trades
    LatencyRecorder steps = new LatencyRecorder();
    int traders = plan.traders();
    List<UserSession> tradeMakers = sessions(next, traders);
    List<UserSession> takers = sessions(next + traders, traders);
    AtomicInteger prepared = new AtomicInteger();
    SessionPool.runConcurrently(
        Math.min(8, Math.max(1, traders)),
        worker -> {
          for (int i = worker; i < traders; i += Math.min(8, Math.max(1, traders))) {
            if (WalletScenario.fund(api, takers.get(i), TAKER_DEPOSIT_SATS) != null) {
              prepared.incrementAndGet();
            }
          }
        });
    if (prepared.get() < traders) {
      notes.add((traders - prepared.get()) + " takers' deposits were not credited in time");
    }
    byte[] receipt = receiptImage();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ConcurrentLinkedQueue<String> failuresSeen = new ConcurrentLinkedQueue<>();
    server.startProfile(ServerUnderTest.PROFILE_TRADES);
    ServerUnderTest.CpuMark tradeStart = server.cpuMark();
    api.recordInto(steps);
    SessionPool.runConcurrently(
        Math.max(1, traders),
        worker -> {
          for (int t = 0; t < plan.tradesPerTrader(); t++) {
            String why = trade(api, tradeMakers.get(worker), takers.get(worker), receipt, worker);
            if (why == null) {
              completed.incrementAndGet();
            } else {
              failed.incrementAndGet();
              failuresSeen.add(why);
            }
          }
        });
    api.recordInto(null);
    ServerUnderTest.CpuMark tradeEnd = server.cpuMark();
    server.stopProfile();
    double tradeSeconds = tradeEnd.secondsSince(tradeStart);
    if (!failuresSeen.isEmpty()) {
      notes.add(failed.get() + " whole trades failed; first failures: " + summarize(failuresSeen));
    }
    List<EndpointLatency> stepFigures = new ArrayList<>(steps.summarize(tradeSeconds));
    return new Trades(
        null,
        (int) funded,
        fundSeconds,
        cpuPerOffer,
        mintPerOffer,
        databasePerOffer,
        Percentiles.of(sequence.allSamples()),
        offersSeen > 0 ? offersSeen : bookOffers,
        bytes,
        Percentiles.of(pageRec.allSamples()),
        cpuPerPage,
        cpuPerFullRead,
        traders,
        completed.get(),
        failed.get(),
        tradeSeconds,
        completed.get() > 0
            ? (tradeEnd.server() - tradeStart.server()) * 1000 / completed.get()
            : 0,
        stepFigures,
        String.format(
            "Funding is credited by the server's watcher: its first look at a new invoice comes"
                + " up to OFFER_QUOTE_POLL_INTERVAL (250 ms in this run) after the invoice, later"
                + " looks back off by half each time; a paid invoice is then minted into the"
                + " maker's wallet (created on first use) and reserved as escrow. The"
                + " create-to-funded time is all of that; the original backend's client polled"
                + " and the mint step ran inside its poll request."
                + " Order-book reads: one page of 100 offers %s p50 at one client, %.2f ms server"
                + " CPU; the whole book (%d offers, page by page) %.2f ms server CPU.",
            formatMillis(Percentiles.of(pageRec.allSamples()).p50Millis()),
            cpuPerPage,
            offersSeen,
            cpuPerFullRead));
  }

  /** Creates an offer and asks for its invoice; its id, or null when either call failed. */
  static String createAndInvoice(ApiClient api, UserSession maker, int n) {
    ApiResponse created =
        api.post(
            CREATE,
            "/api/offers",
            maker.token(),
            Map.of(
                "fiatAmount",
                FIAT_AMOUNT + n % 1000,
                "qrCode",
                "bench-qr-" + n,
                "fiatProvider",
                "bench"));
    String id = offerId(created.json());
    if (!created.ok() || id == null) {
      return null;
    }
    ApiResponse invoice = api.post(INVOICE, "/api/offers/" + id + "/invoice", maker.token(), null);
    return invoice.ok() ? id : null;
  }

  /** One whole trade; null when it completed, else what went wrong. */
  private static String trade(
      ApiClient api, UserSession maker, UserSession taker, byte[] receipt, int n) {
    String id = createAndInvoice(api, maker, n);
    if (id == null) {
      return "create or invoice refused";
    }
    if (!awaitStatus(api, maker, id, "INVOICE_PAID", 20)) {
      return "not funded in time";
    }
    ApiResponse claim = api.post(CLAIM, "/api/offers/" + id + "/claim", taker.token(), "{}");
    if (!claim.ok()) {
      return "claim " + claim.status() + " " + claim.text("code");
    }
    ApiResponse posted =
        api.postBytes(
            RECEIPT, "/api/offers/" + id + "/receipt", taker.token(), "image/png", receipt);
    if (!posted.ok()) {
      return "receipt " + posted.status() + " " + posted.text("code");
    }
    ApiResponse approved =
        api.post(
            FEEDBACK,
            "/api/offers/" + id + "/feedback",
            maker.token(),
            Map.of("verdict", "APPROVE", "feedback", "received"));
    if (!approved.ok()) {
      return "approve " + approved.status() + " " + approved.text("code");
    }
    return "COMPLETED".equals(status(approved.json())) ? null : "state " + status(approved.json());
  }

  /** Reads the offer as its party every {@code pollMillis} until it reaches {@code status}. */
  static boolean awaitStatus(
      ApiClient api, UserSession party, String id, String status, long pollMillis) {
    long deadline = System.nanoTime() + FUNDED_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      ApiResponse r = api.get(READ, "/api/offers/" + id, party.token());
      if (r.ok() && status.equals(status(r.json()))) {
        return true;
      }
      pause(pollMillis);
    }
    return false;
  }

  /** The id of an offer answer (the API's one flat offer representation). */
  static String offerId(JsonNode json) {
    return json.hasNonNull("id") ? json.get("id").asText() : null;
  }

  /** The state of an offer answer, at its {@code status}. */
  static String status(JsonNode json) {
    return json.hasNonNull("status") ? json.get("status").asText() : null;
  }

  private long bookSize(ApiClient api) {
    return api.get(BOOK, "/api/offers?size=1", null).json().path("total").asLong();
  }

  /** Waits until the book holds {@code target} offers (or stops growing); returns its size. */
  private long waitForBook(ApiClient api, long target) {
    long deadline = System.nanoTime() + FUNDED_TIMEOUT_NANOS;
    long size = bookSize(api);
    long lastGrowth = System.nanoTime();
    while (size < target && System.nanoTime() < deadline) {
      pause(200);
      long now = bookSize(api);
      if (now > size) {
        lastGrowth = System.nanoTime();
      } else if (System.nanoTime() - lastGrowth > 120_000_000_000L) {
        break; // two minutes without a funded offer: the rest will not come
      }
      size = now;
    }
    return size;
  }

  private List<UserSession> sessions(int from, int count) {
    List<UserSession> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(pool.get(i));
    }
    return out;
  }

  /**
   * A receipt as a phone screenshot would be: a 600 × 300 PNG with some texture, about 100 KB,
   * recognised by the server as PNG by its leading bytes.
   */
  static byte[] receiptImage() {
    BufferedImage img = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int shade = 200 + random.nextInt(56);
        img.setRGB(x, y, (shade << 16) | (shade << 8) | shade);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String summarize(ConcurrentLinkedQueue<String> failures) {
    return String.join("; ", failures.stream().distinct().limit(5).toList());
  }

  private static String formatMillis(double ms) {
    return String.format("%.2f ms", ms);
  }

  /** The path of the order-book read, or null when the build has none. */
  public static String orderBookPath(ApiSurface surface) {
    return surface.has("GET /api/offers") ? "/api/offers" : null;
  }

  /** The figures of a scenario that could not run. */
  public static Trades unavailable(String why) {
    return new Trades(
        why,
        0,
        0,
        0,
        0,
        0,
        Percentiles.NONE,
        0,
        0,
        Percentiles.NONE,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        null);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
