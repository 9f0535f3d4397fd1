package org.openpleb.ee.web.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadyLineTest {

  @Test
  void aLoopbackAddressIsTheUrl() {
    assertEquals(
        "OpenPleb EE ready at http://127.0.0.1:18150/ (API /api, health /health, metrics /metrics,"
            + " contract /openapi)",
        new ReadyLine("127.0.0.1", Optional.of("18150")).text());
  }

  @Test
  void allInterfacesPointAtLocalhostAndSaySo() {
    assertEquals(
        "OpenPleb EE ready at http://localhost:8080/ (API /api, health /health, metrics /metrics,"
            + " contract /openapi), listening on all interfaces",
        new ReadyLine("0.0.0.0", Optional.of("8080")).text());
  }

  @Test
  void anIpv6AddressIsBracketed() {
    assertEquals(
        "OpenPleb EE ready at http://[::1]:8080/ (API /api, health /health, metrics /metrics,"
            + " contract /openapi)",
        new ReadyLine("::1", Optional.of("8080")).text());
  }

  @Test
  void anUnknownPortIsNotGuessed() {
    assertEquals(
        "OpenPleb EE ready on Payara Micro's HTTP port (API /api, health /health, metrics"
            + " /metrics, contract /openapi)",
        new ReadyLine("0.0.0.0", Optional.empty()).text());
  }
}
