package org.openpleb.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the crash test asks of the server's own reconciliation report. */
class ReconciliationChecksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Boolean> verdicts(String report) throws Exception {
    JsonNode answer = JSON.readTree(report);
    return List.copyOf(CrashMain.reconciliationChecks(answer).values());
  }

  @Test
  void aBalancedReportWithEveryHoldInPlacePasses() throws Exception {
    assertEquals(
        List.of(true, true),
        verdicts("{\"differenceSats\":0,\"holdMismatchSats\":0,\"findingCounts\":{}}"));
  }

  @Test
  void aStoppedSettlementFailsTheHoldCheckThoughNothingIsMissing() throws Exception {
    assertEquals(
        List.of(true, false),
        verdicts(
            "{\"differenceSats\":0,\"holdMismatchSats\":51200,"
                + "\"findingCounts\":{\"SETTLEMENT_STOPPED\":1}}"));
  }

  @Test
  void aDifferenceFailsAndAReportWithoutOneFailsToo() throws Exception {
    assertEquals(List.of(false, true), verdicts("{\"differenceSats\":-5,\"holdMismatchSats\":0}"));
    assertEquals(List.of(false), verdicts("{\"balanced\":true}"));
  }
}
