package org.openpleb.ee.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.web.wallet.TokenWithdrawalRequest;

/**
 * A request's fingerprint must not depend on the order a map happens to iterate in: {@code Map.of}
 * iterates differently after every JVM start, so a claim retried after a restart was refused as a
 * reused key (and its client, told "client error", forfeited the bond).
 */
class IdempotentRepliesTest {

  private static final Jsonb JSON = JsonbBuilder.create();

  private static Map<String, Object> inOrder(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void theSameBodyHasOneFingerprintWhateverOrderItsMapIterates() {
    Map<String, Object> one = inOrder("offer", "o-1", "bondToken", "cashuBxyz");
    Map<String, Object> other = inOrder("bondToken", "cashuBxyz", "offer", "o-1");
    // the hazard: serialized as they iterate, the two differ
    assertNotEquals(JSON.toJson(one), JSON.toJson(other));

    assertEquals(
        IdempotentReplies.fingerprint("offers/claim", one),
        IdempotentReplies.fingerprint("offers/claim", other));
  }

  @Test
  void nestedMapsAndListsAreOrderedToo() {
    Object one = inOrder("a", List.of(inOrder("x", 1, "y", 2)), "b", inOrder("p", 1, "q", 2));
    Object other = inOrder("b", inOrder("q", 2, "p", 1), "a", List.of(inOrder("y", 2, "x", 1)));
    assertEquals(
        IdempotentReplies.fingerprint("e", one), IdempotentReplies.fingerprint("e", other));
  }

  @Test
  void differentBodiesOrEndpointsHaveDifferentFingerprints() {
    Map<String, Object> body = inOrder("offer", "o-1", "bondToken", "t");
    assertNotEquals(
        IdempotentReplies.fingerprint("offers/claim", body),
        IdempotentReplies.fingerprint("offers/claim", inOrder("offer", "o-2", "bondToken", "t")));
    assertNotEquals(
        IdempotentReplies.fingerprint("offers/claim", body),
        IdempotentReplies.fingerprint("offers/fund", body));
  }

  @Test
  void aRecordBodyKeepsTheFingerprintItHadBefore() {
    TokenWithdrawalRequest request = new TokenWithdrawalRequest(100L, true, null);
    assertEquals(
        Idempotency.fingerprint("wallet/withdrawals/token\n" + JSON.toJson(request)),
        IdempotentReplies.fingerprint("wallet/withdrawals/token", request));
  }
}
