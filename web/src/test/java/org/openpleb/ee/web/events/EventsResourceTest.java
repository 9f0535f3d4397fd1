package org.openpleb.ee.web.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the event stream reads the bearer token it is opened with. */
class EventsResourceTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        "Bearer abc|abc",
        "bearer abc|abc",
        "BEARER   abc  |abc",
        "Bearer|NONE",
        "Bearer   |NONE",
        "Basic dXNlcg==|NONE",
        "Bearerabc|NONE",
      })
  void theTokenIsTheBearerCredential(String header, String token) {
    assertEquals(Optional.ofNullable(token), EventsResource.bearerToken(header));
  }
}
