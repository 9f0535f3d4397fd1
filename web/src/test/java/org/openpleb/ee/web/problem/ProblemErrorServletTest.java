package org.openpleb.ee.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.ProblemCode;

/** The container's own errors as problem documents (issue #11, finding 8). */
class ProblemErrorServletTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void containerStatusesBecomeTheirProblemCodesWithoutACorrelationId() {
    assertEquals("BAD_REQUEST", ProblemErrorServlet.forStatus(400, "/x").code());
    assertEquals("NOT_FOUND", ProblemErrorServlet.forStatus(404, "/x").code());
    assertEquals("PAYLOAD_TOO_LARGE", ProblemErrorServlet.forStatus(413, "/x").code());
    assertEquals("BAD_REQUEST", ProblemErrorServlet.forStatus(414, "/x").code());
    assertEquals("BAD_REQUEST", ProblemErrorServlet.forStatus(431, "/x").code());
    Problem failed = ProblemErrorServlet.forStatus(500, "/x");
    assertEquals("INTERNAL_ERROR", failed.code());
    assertNull(failed.correlationId());
  }

  @Test
  void theWrittenDocumentIsValidJsonAndEscapesWhatItQuotes() throws Exception {
    Problem problem =
        Problem.of(ProblemCode.BAD_REQUEST, "a \"quoted\" \\ <b>\u0000\n", "/api/\u2028x");

    JsonNode node = JSON.readTree(ServletProblems.json(problem));

    assertEquals("BAD_REQUEST", node.path("code").asText());
    assertEquals(400, node.path("status").asInt());
    assertEquals(problem.detail(), node.path("detail").asText());
    assertEquals("urn:openpleb:problem:bad-request", node.path("type").asText());
    assertEquals(false, ServletProblems.json(problem).contains("<"));
  }
}
