package org.openpleb.ee.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The raw path and Content-Type checks done before the REST runtime (issue #11, finding 8). */
class RequestGuardFilterTest {

  @Test
  void ordinaryPathsPass() {
    for (String path :
        new String[] {
          "/api/offers",
          "/api/offers/0b1c-2d/claim",
          "/api/wallet/deposits/token",
          "/",
          "/api/",
          "/api/offers%20x",
          "/api/a.b"
        }) {
      assertEquals(Optional.empty(), RequestGuardFilter.pathRefusal(path), path);
    }
  }

  @Test
  void smuggledPathsAreRefused() {
    for (String path :
        new String[] {
          "/api/offers%00",
          "/api/%00/x",
          "/api/..%2Fmetrics",
          "/api/..%2fmetrics",
          "/api/%2e%2e/metrics",
          "/api/x%5Cy",
          "/api/x\\y",
          "/api/../health",
          "/api/./info",
          "/api/x%0Ay",
          "/api/x%7f",
          "/api/x\u0001"
        }) {
      assertTrue(RequestGuardFilter.pathRefusal(path).isPresent(), path);
    }
  }

  @Test
  void queriesWithMalformedEscapesAreRefused() {
    for (String query : List.of("a=%ZZ", "a=%", "a=%4", "a=b&c=%G1", "a=%4%41")) {
      assertTrue(RequestGuardFilter.queryRefusal(query).isPresent(), query);
    }
    for (String query : List.of("a=%41", "fiatProvider=%EC%B9%B4", "page=1&size=20", "")) {
      assertTrue(RequestGuardFilter.queryRefusal(query).isEmpty(), query);
    }
    assertTrue(RequestGuardFilter.queryRefusal(null).isEmpty());
  }

  @Test
  void wellFormedContentTypesPass() {
    for (String type :
        new String[] {
          "application/json",
          "application/json; charset=UTF-8",
          "application/json;charset=\"utf-8\"",
          "image/png",
          "application/problem+json"
        }) {
      assertTrue(RequestGuardFilter.isWellFormedMediaType(type), type);
    }
  }

  @Test
  void emptyAndMalformedContentTypesAreRefused() {
    for (String type :
        new String[] {
          "",
          " ",
          "json",
          "application/",
          "/json",
          "application/json; =x",
          "application/json; charset",
          "a/b/c",
          "application/json; charset=\"x",
          "ápplication/json"
        }) {
      assertFalse(RequestGuardFilter.isWellFormedMediaType(type), type);
    }
  }
}
