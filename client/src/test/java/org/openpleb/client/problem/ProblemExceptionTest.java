package org.openpleb.client.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.client.CannedServer;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.OpenPlebClient;
import org.openpleb.client.offer.ClaimRequest;
import org.openpleb.client.pricing.QuoteRequest;
import org.openpleb.client.session.Bearer;

/** Every error answer becomes one exception type, with the problem's code when there is one. */
class ProblemExceptionTest {

  private final CannedServer server = new CannedServer();

  ProblemExceptionTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aProblemAnswerBecomesAProblemExceptionWithItsCode() {
    server.on(
        "POST",
        "/api/offers/o-1/claim",
        new Answer(
            409,
            "application/problem+json",
            "{\"type\":\"https://openpleb.org/problems/conflict\",\"title\":\"Conflict\","
                + "\"status\":409,\"detail\":\"The offer was claimed by someone else\","
                + "\"instance\":\"/api/offers/o-1/claim\",\"code\":\"CONFLICT\"}",
            Map.of()));

    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () ->
                OpenPlebClient.connect(server.base())
                    .offers()
                    .claim(Bearer.of("t"), null, "o-1", ClaimRequest.fromBalance()));

    assertEquals(409, refused.status());
    assertEquals("CONFLICT", refused.code());
    assertEquals("Conflict", refused.title());
    assertEquals("The offer was claimed by someone else", refused.detail());
    assertEquals("/api/offers/o-1/claim", refused.instance());
    assertEquals(Optional.empty(), refused.retryAfter());
    assertTrue(refused.getMessage().contains("CONFLICT"), refused::getMessage);
  }

  @Test
  void aRefusalForCapacityCarriesRetryAfterAndAFailureItsCorrelationId() {
    server
        .on(
            "GET",
            "/api/prices/current",
            new Answer(
                503,
                "application/problem+json; charset=UTF-8",
                "{\"title\":\"Price unavailable\",\"status\":503,\"code\":\"PRICE_UNAVAILABLE\"}",
                Map.of("Retry-After", "7")))
        .on(
            "POST",
            "/api/pricing/quote",
            new Answer(
                500,
                "application/problem+json",
                "{\"status\":500,\"code\":\"INTERNAL_ERROR\",\"correlationId\":\"c-42\"}",
                Map.of()));
    OpenPlebClient api = OpenPlebClient.connect(server.base());

    ProblemException stale = assertThrows(ProblemException.class, api.pricing()::current);
    ProblemException failed =
        assertThrows(
            ProblemException.class, () -> api.pricing().quote(QuoteRequest.atCurrentPrice(10_000)));

    assertEquals("PRICE_UNAVAILABLE", stale.code());
    assertEquals(Optional.of(Duration.ofSeconds(7)), stale.retryAfter());
    assertEquals("INTERNAL_ERROR", failed.code());
    assertEquals(Optional.of("c-42"), failed.correlationId());
  }

  @Test
  void anErrorThatIsNoProblemDocumentStillThrowsAProblemExceptionWithoutCode() {
    server.on(
        "GET", "/api/info", new Answer(502, "text/html", "<html>bad gateway</html>", Map.of()));

    ProblemException refused =
        assertThrows(
            ProblemException.class, () -> OpenPlebClient.connect(server.base()).platform().info());

    assertEquals(502, refused.status());
    assertNull(refused.code());
  }

  @Test
  void retryAfterReadsSecondsAndIgnoresNonsense() {
    assertEquals(Duration.ofSeconds(30), ProblemExceptionMapper.retryAfter(" 30 "));
    assertNull(ProblemExceptionMapper.retryAfter("soon"));
    assertNull(ProblemExceptionMapper.retryAfter("-3"));
    assertNull(ProblemExceptionMapper.retryAfter(null));
  }
}
