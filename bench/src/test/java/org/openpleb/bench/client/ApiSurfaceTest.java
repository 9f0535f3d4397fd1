package org.openpleb.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiSurfaceTest {

  private static final String OPENAPI =
      "{\"openapi\":\"3.0.0\",\"paths\":{"
          + "\"/api/sessions\":{\"post\":{}},"
          + "\"/api/sessions/current\":{\"get\":{},\"delete\":{},\"parameters\":[]},"
          + "\"/api/offers/{offerId}/claim\":{\"post\":{}},"
          + "\"/api/wallet/\":{\"get\":{}}}}";

  @Test
  void readsOperationsFromTheOpenApiPaths() {
    ApiSurface s = ApiSurface.of(ApiClient.parse(OPENAPI));
    assertTrue(s.has("POST /api/sessions"));
    assertTrue(s.has("DELETE /api/sessions/current"));
    assertTrue(s.has("get /api/sessions/current"));
    assertFalse(s.has("PUT /api/sessions/current"));
    assertEquals(5, s.operations().size()); // "parameters" is not an operation
  }

  @Test
  void pathParametersMatchWhateverTheyAreNamed() {
    ApiSurface s = ApiSurface.of(ApiClient.parse(OPENAPI));
    assertTrue(s.has("POST /api/offers/{id}/claim"));
    assertTrue(s.has("GET /api/wallet"));
  }

  @Test
  void listsWhatAScenarioLacks() {
    ApiSurface s = ApiSurface.of(ApiClient.parse(OPENAPI));
    assertEquals(
        List.of("POST /api/offers", "POST /api/offers/{id}/receipt"),
        s.missing(
            List.of(
                "POST /api/sessions",
                "POST /api/offers",
                "POST /api/offers/{x}/claim",
                "POST /api/offers/{id}/receipt")));
    assertEquals("GET /api/wallet", s.firstOf("GET /api/wallets", "GET /api/wallet"));
    assertNull(s.firstOf("GET /nothing"));
  }

  @Test
  void aDocumentWithoutPathsOffersNothing() {
    assertTrue(ApiSurface.of(ApiClient.parse("not json")).operations().isEmpty());
  }
}
