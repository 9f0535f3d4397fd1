package org.openpleb.ee.web.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.web.problem.ErrorContract;

class RequestCorrelationTest {

  @Test
  void aWellFormedIdFromTheClientIsKept() {
    assertEquals("req-42.a_b", RequestCorrelation.choose("req-42.a_b"));
  }

  @Test
  void anythingElseGetsAFreshId() {
    for (String header :
        new String[] {null, "", "a b", "x\ny", "cid=1", "\"quoted\"", "é", "a".repeat(65)}) {
      String chosen = RequestCorrelation.choose(header);
      assertNotEquals(header, chosen);
      assertTrue(chosen.matches("[0-9a-f-]{36}"), chosen);
    }
  }

  @Test
  void theThreadCarriesTheIdWhileTheRequestIsHandledAndNotAfter() {
    Thread thread = Thread.currentThread();
    String own = thread.getName();

    try (RequestCorrelation.Scope scope = RequestCorrelation.enter("abc-1")) {
      assertEquals(own + RequestCorrelation.MARK + "abc-1", thread.getName());
      assertEquals(Optional.of("abc-1"), RequestCorrelation.current());
      // a nested scope on the same thread replaces the id, then gives the outer one back
      try (RequestCorrelation.Scope inner = RequestCorrelation.enter("abc-2")) {
        assertEquals(own + RequestCorrelation.MARK + "abc-2", thread.getName());
      }
      assertEquals(own + RequestCorrelation.MARK + "abc-1", thread.getName());
    }

    assertEquals(own, thread.getName());
    assertEquals(Optional.empty(), RequestCorrelation.current());
  }

  @Test
  void anUnexpectedFailureQuotesTheRequestsId() {
    try (RequestCorrelation.Scope scope = RequestCorrelation.enter("req-7")) {
      assertEquals(
          "req-7",
          new ErrorContract().problemFor(new IllegalStateException(), "/api/x").correlationId());
    }
    String outside =
        new ErrorContract().problemFor(new IllegalStateException(), "/api/x").correlationId();
    assertTrue(outside.matches("[0-9a-f-]{36}"), outside);
  }

  @Test
  void theMarkIsTheOneTheJsonLogFormatterSplitsOn() {
    // ear's JsonLogFormatter.MARK cannot be referenced from here (other module, other class loader)
    assertEquals(" cid=", RequestCorrelation.MARK);
  }
}
