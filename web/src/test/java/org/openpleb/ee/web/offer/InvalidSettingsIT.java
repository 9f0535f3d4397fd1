package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * Invalid settings of six features, which were once checked by six different startup mechanisms,
 * are all refused by the one startup check before the deployment goes on: a single refusal names
 * every key, and the API is not served. The server is a process of the test's own, because the
 * Arquillian container cannot boot a deployment that fails on purpose.
 */
class InvalidSettingsIT {

  private static final List<String> SETTINGS =
      List.of(
          // once TradeSettingsCheck
          "OPENPLEB_FORFEITED_BOND_TO=TAKER",
          // once read by Settler outside every check but the trade one
          "OFFER_SETTLEMENT_LEASE=0",
          // once HeartbeatTimer, at its first tick
          "OPENPLEB_EVENTS_HEARTBEAT_SECONDS=0",
          // once CapacitySettings.parse, when the monitor was created
          "CAPACITY_HYSTERESIS=0.9",
          // once AdminSettingsCheck
          "FOOTPRINT_SESSION_BYTES=0",
          // once PriceFeedStartup
          "OPENPLEB_PRICE_SOURCE=binance");

  private static final List<String> VIOLATIONS =
      List.of(
          "OPENPLEB_FORFEITED_BOND_TO must be PLATFORM or MAKER, not 'TAKER'",
          "OFFER_SETTLEMENT_LEASE must be a whole number of at least 1, got '0'",
          "OPENPLEB_EVENTS_HEARTBEAT_SECONDS must be a whole number of at least 1, got '0'",
          "Invalid capacity setting CAPACITY_HYSTERESIS = 0.9",
          "FOOTPRINT_SESSION_BYTES must be at least 1, got 0",
          "OPENPLEB_PRICE_SOURCE must be one of fixed, upbit, blockchain, got 'binance'");

  @Test
  void oneRefusalNamesEveryInvalidKeyAndTheApiIsNotServed() throws Exception {
    Path data = TradeClient.dataDir();
    Path war = Files.createDirectories(data.resolve("invalid-war")).resolve("ROOT.war");
    // no mint is started: the deployment must stop before anything would call it
    TradeClient.deployment("http://127.0.0.1:9", data, String.join("\n", SETTINGS) + "\n")
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    try (PayaraProcess server = new PayaraProcess(war, data.resolve("payara"))) {
      server.launch();
      String refusal = awaitLine(server, "Refusing to start");
      for (String violation : VIOLATIONS) {
        assertTrue(refusal.contains(violation), () -> violation + " missing from: " + refusal);
      }
      awaitLine(server, " ready in ");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<Void> info =
          http.send(
              HttpRequest.newBuilder(server.base().toURI().resolve("api/info"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertNotEquals(200, info.statusCode(), "the refused application must not answer");
      assertFalse(
          server.log().contains("Live events: heartbeat every"),
          "no startup bean after the check may run");
    }
  }

  /** The first log line containing {@code text}, waiting for the server to write it. */
  private static String awaitLine(PayaraProcess server, String text) throws Exception {
    long until =
        System.nanoTime()
            + Duration.ofSeconds(Long.getLong("payara.startupTimeoutInSeconds", 420)).toNanos();
    while (System.nanoTime() < until) {
      for (String line : server.log().split("\n")) {
        if (line.contains(text)) {
          return line;
        }
      }
      if (!server.alive()) {
        throw new AssertionError("the server exited before logging '" + text + "'");
      }
      Thread.sleep(250);
    }
    throw new IOException("the server never logged '" + text + "'");
  }
}
