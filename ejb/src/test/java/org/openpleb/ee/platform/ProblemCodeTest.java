package org.openpleb.ee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemCodeTest {

  @ParameterizedTest
  @CsvSource({
    "400, BAD_REQUEST",
    "404, NOT_FOUND",
    "405, METHOD_NOT_ALLOWED",
    "406, NOT_ACCEPTABLE",
    "415, UNSUPPORTED_MEDIA_TYPE",
    "418, BAD_REQUEST",
    "500, INTERNAL_ERROR",
    "502, INTERNAL_ERROR",
    "503, SERVICE_UNAVAILABLE",
  })
  void aBareStatusMapsToItsGenericCode(int status, ProblemCode expected) {
    assertEquals(expected, ProblemCode.forStatus(status));
  }

  @Test
  void theTypeIsAStableUrnDerivedFromTheCode() {
    assertEquals(
        "urn:openpleb:problem:unsupported-media-type", ProblemCode.UNSUPPORTED_MEDIA_TYPE.type());
  }
}
