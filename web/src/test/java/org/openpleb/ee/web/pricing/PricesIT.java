package org.openpleb.ee.web.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.contract.ContractCheck;
import org.openpleb.ee.web.custody.ReconciledAtEnd;

/**
 * {@code GET /api/prices/current} on the deployed server, priced by Upbit's ticker as served by a
 * stub in this JVM (never the internet), with no cache and a 3 s staleness bound: the exact price,
 * the last good price kept while the feed fails, 503 PRICE_UNAVAILABLE with Retry-After once it is
 * stale, recovery, and the price source in {@code /api/info}.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class PricesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEALTHY = "[{\"market\":\"KRW-BTC\",\"trade_price\":150123456.5}]";

  private static HttpServer exchange;
  private static volatile int status = 200;
  private static volatile String body = HEALTHY;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    exchange = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    exchange.createContext(
        "/v1/ticker",
        http -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          http.getResponseHeaders().set("Content-Type", "application/json");
          http.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
          }
        });
    exchange.start();
    String settings =
        "config_ordinal=500\n"
            + "OPENPLEB_PRICE_SOURCE=upbit\n"
            + "OPENPLEB_PRICE_UPBIT_URL=http://127.0.0.1:"
            + exchange.getAddress().getPort()
            + "\n"
            + "OPENPLEB_PRICE_CACHE_SECONDS=0\n"
            + "OPENPLEB_PRICE_MAX_AGE_SECONDS=3\n"
            + "OPENPLEB_PRICE_RETRY_SECONDS=0\n"
            + "OPENPLEB_PRICE_TIMEOUT_MILLIS=2000\n"
            + ReconciledAtEnd.adminSettings();
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "it-settings.jar")
            .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new java.io.File(System.getProperty("war.file")))
        .addAsLibrary(config);
  }

  @AfterAll
  static void stopExchange() {
    if (exchange != null) {
      exchange.stop(0);
    }
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void healthyExchange() throws Exception {
    status = 200;
    body = HEALTHY;
    awaitStatus(200);
  }

  @Test
  void theCurrentPriceIsUpbitsTradePriceExactly() throws Exception {
    Instant before = Instant.now();

    HttpResponse<String> response = get("api/prices/current");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode price = JSON.readTree(response.body());
    assertEquals("KRW", price.path("currency").asText());
    assertEquals("150123456.5", price.path("fiatPerBtc").decimalValue().toPlainString());
    assertEquals("upbit", price.path("source").asText());
    assertFalse(price.path("fixed").asBoolean());
    assertFalse(price.has("warning"), response.body());
    Instant fetchedAt = Instant.parse(price.path("fetchedAt").asText());
    assertFalse(fetchedAt.isBefore(before.minusSeconds(5)), response.body());
  }

  @Test
  void whileTheFeedFailsTheLastGoodPriceHoldsUntilItIsStaleThen503() throws Exception {
    HttpResponse<String> good = get("api/prices/current");
    assertEquals(200, good.statusCode(), good.body());
    Instant fetchedAt = Instant.parse(JSON.readTree(good.body()).path("fetchedAt").asText());

    status = 500;
    HttpResponse<String> kept = get("api/prices/current");
    if (kept.statusCode() == 200) {
      // within the 3 s bound the last good price is served as it was
      assertEquals(fetchedAt, Instant.parse(JSON.readTree(kept.body()).path("fetchedAt").asText()));
    }
    HttpResponse<String> stale = awaitStatus(503);

    JsonNode problem = JSON.readTree(stale.body());
    assertTrue(
        stale
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertEquals("PRICE_UNAVAILABLE", problem.path("code").asText());
    assertTrue(problem.path("detail").asText().contains("younger than 3 s"), stale.body());
    assertTrue(stale.headers().firstValue("Retry-After").isPresent(), stale.body());

    status = 200;
    assertEquals(200, awaitStatus(200).statusCode());
  }

  @Test
  void aMalformedTickerCountsAsAFailedFeed() throws Exception {
    body = "[{\"market\":\"KRW-BTC\"}]";

    HttpResponse<String> stale = awaitStatus(503);

    assertEquals("PRICE_UNAVAILABLE", JSON.readTree(stale.body()).path("code").asText());
  }

  @Test
  void aQuoteWithoutAPriceIsMadeAtTheCurrentPriceUntilThereIsNone() throws Exception {
    HttpResponse<String> current = quote("{\"fiatAmount\":10000}");
    HttpResponse<String> given = quote("{\"fiatAmount\":10000,\"btcPrice\":150123456.5}");
    HttpResponse<String> other = quote("{\"fiatAmount\":10000,\"btcPrice\":100000000}");

    assertEquals(200, current.statusCode(), current.body());
    JsonNode quote = JSON.readTree(current.body());
    assertEquals("150123456.5", quote.path("btcPrice").decimalValue().toPlainString());
    assertEquals(6662, quote.path("sats").asLong(), current.body());
    assertEquals(JSON.readTree(given.body()), quote, "the same as naming the current price");
    assertEquals(10000, JSON.readTree(other.body()).path("sats").asLong(), other.body());

    status = 500;
    awaitStatus(503);
    HttpResponse<String> unpriced = quote("{\"fiatAmount\":10000}");
    HttpResponse<String> priced = quote("{\"fiatAmount\":10000,\"btcPrice\":100000000}");

    assertEquals(503, unpriced.statusCode(), unpriced.body());
    assertEquals("PRICE_UNAVAILABLE", JSON.readTree(unpriced.body()).path("code").asText());
    assertEquals(200, priced.statusCode(), "a named price needs no feed: " + priced.body());
  }

  @Test
  void infoTellsWhereThePriceComesFrom() throws Exception {
    HttpResponse<String> response = get("api/info");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode price = JSON.readTree(response.body()).path("price");
    assertEquals("upbit", price.path("source").asText());
    assertFalse(price.path("fixed").asBoolean());
    assertFalse(price.has("warning"), response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(new URL(base, path).toURI()).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }

  private HttpResponse<String> quote(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(new URL(base, "api/pricing/quote").toURI())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }

  /** Polls the current price until it answers {@code expected}, for at most 20 s. */
  private HttpResponse<String> awaitStatus(int expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    HttpResponse<String> response = get("api/prices/current");
    while (response.statusCode() != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still " + response.statusCode() + ": " + response.body());
      }
      Thread.sleep(200);
      response = get("api/prices/current");
    }
    return response;
  }
}
