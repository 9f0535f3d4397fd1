package org.openpleb.ee.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.idempotency.Recovery;
import org.openpleb.ee.idempotency.StoredAnswer;
import org.openpleb.ee.session.SessionPrincipal;
import org.openpleb.ee.web.wallet.TokenWithdrawalRequest;

/**
 * A request's fingerprint must not depend on the order a map happens to iterate in: {@code Map.of}
 * iterates differently after every JVM start, so a claim retried after a restart was refused as a
 * reused key (and its client, told "client error", forfeited the bond). A creation's answer names
 * the new resource in {@code Location}, and its replay names the same one.
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

  /** An in-memory stand-in for the stored answers. */
  private static final class Remembered extends Idempotency {
    private final Map<IdempotencyScope, StoredAnswer> answers = new HashMap<>();

    @Override
    public Optional<StoredAnswer> claim(
        IdempotencyScope scope, String fingerprint, String requestId, Recovery recovery) {
      return Optional.ofNullable(answers.get(scope));
    }

    @Override
    public void complete(IdempotencyScope scope, StoredAnswer answer) {
      answers.put(scope, answer);
    }

    @Override
    public void abandon(IdempotencyScope scope) {
      answers.remove(scope);
    }
  }

  /** A created thing as a resource answers it. */
  public record Created(String id, long sats) {}

  private static final SessionPrincipal SESSION =
      new SessionPrincipal(
          "s-1", "ab".repeat(32), "w-1", OffsetDateTime.now(), OffsetDateTime.now().plusHours(1));

  private static Response create(IdempotentReplies replies, String key, AtomicInteger runs) {
    return replies.respond(
        key,
        SESSION,
        "things.create",
        Map.of("sats", 5),
        "/api/things",
        Response.Status.CREATED,
        body -> URI.create("http://localhost/api/things/" + body.getString("id")),
        () -> new Created("t-" + runs.incrementAndGet(), 5));
  }

  @Test
  void aCreationNamesItsResourceAndItsReplayNamesTheSameOne() {
    IdempotentReplies replies = new IdempotentReplies();
    replies.idempotency = new Remembered();
    AtomicInteger runs = new AtomicInteger();

    Response first = create(replies, "k-1", runs);
    Response replay = create(replies, "k-1", runs);

    assertEquals(1, runs.get(), "the replay ran nothing");
    assertEquals(201, first.getStatus());
    assertEquals(URI.create("http://localhost/api/things/t-1"), first.getLocation());
    assertEquals(201, replay.getStatus());
    assertEquals(first.getLocation(), replay.getLocation());
    assertEquals(first.getEntity(), replay.getEntity());
    assertEquals("true", replay.getHeaderString(IdempotentReplies.REPLAYED));
  }

  @Test
  void aCreationWithoutAKeyNamesItsResourceToo() {
    IdempotentReplies replies = new IdempotentReplies();
    AtomicInteger runs = new AtomicInteger();

    Response answer = create(replies, null, runs);

    assertEquals(201, answer.getStatus());
    assertEquals(URI.create("http://localhost/api/things/t-1"), answer.getLocation());
  }

  @Test
  void aStoredProblemIsReplayedWithoutALocation() {
    IdempotentReplies replies = new IdempotentReplies();
    Remembered remembered = new Remembered();
    replies.idempotency = remembered;
    remembered.complete(
        new IdempotencyScope(SESSION.pubkey(), "things.create", "k-2"),
        new StoredAnswer(503, "application/problem+json", "{\"code\":\"OPERATION_IN_DOUBT\"}"));

    Response replay = create(replies, "k-2", new AtomicInteger());

    assertEquals(503, replay.getStatus());
    assertNull(replay.getLocation());
  }
}
