package org.openpleb.ee.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.platform.TestClock;

/**
 * #14 finding 1: a key whose first request died with its server (IN_PROGRESS, claimed by another
 * boot) is orphaned: one retry takes it over and asks the endpoint's recovery what happened; a key
 * IN_PROGRESS in this boot is still running and refused (409), until it outlives the bound.
 */
class OrphanedKeyTest {

  private static final IdempotencyScope SCOPE =
      new IdempotencyScope("a1".repeat(32), "wallet.withdrawals.token", "key-1");
  private static final String FINGERPRINT = "f".repeat(64);
  private static final StoredAnswer TOKEN =
      new StoredAnswer(200, "application/json", "{\"token\":\"cashuBsame\"}");

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Ledger ledger = new Ledger();
  private final ServerBoot thisBoot = new ServerBoot();
  private final Idempotency idempotency = new Idempotency();

  OrphanedKeyTest() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    idempotency.ledger = ledger;
    idempotency.seal = new AnswerSeal(key, new SecureRandom());
    idempotency.clock = clock;
    idempotency.boot = thisBoot;
    idempotency.config = new IdempotencyConfig();
    idempotency.config.retentionSeconds = 86_400;
    idempotency.config.orphanAfterSeconds = 900;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** The request as a boot that died left it: IN_PROGRESS, no answer. */
  private void leftInProgressBy(String boot) {
    ledger.records.put(
        SCOPE, new IdempotencyRecord(SCOPE, FINGERPRINT, "first-request", boot, now()));
  }

  @Test
  void aRequestOfAnotherBootIsRebuiltFromWhatItLeftAndTheAnswerIsStored() {
    leftInProgressBy("dead-boot");
    List<String> asked = new ArrayList<>();

    Optional<StoredAnswer> answer =
        idempotency.claim(
            SCOPE,
            FINGERPRINT,
            "retry-request",
            requestId -> {
              asked.add(requestId);
              return Optional.of(TOKEN);
            });

    assertEquals(List.of("first-request"), asked, "asked about the dead execution");
    assertEquals(Optional.of(TOKEN), answer);
    assertEquals(TOKEN, idempotency.seal.open(SCOPE, ledger.answer(SCOPE).orElseThrow()));
    // the next retry replays what was stored, without asking again
    Optional<StoredAnswer> replay =
        idempotency.claim(
            SCOPE,
            FINGERPRINT,
            "third-request",
            requestId -> {
              throw new AssertionError("a stored answer is replayed, not rebuilt");
            });
    assertEquals(Optional.of(TOKEN), replay);
  }

  @Test
  void aRequestOfAnotherBootThatDidNothingRunsAfreshUnderTheRetrysId() {
    leftInProgressBy("dead-boot");

    Optional<StoredAnswer> answer =
        idempotency.claim(SCOPE, FINGERPRINT, "retry-request", requestId -> Optional.empty());

    assertTrue(answer.isEmpty(), "the caller runs it");
    assertEquals("retry-request", ledger.records.get(SCOPE).requestId());
    assertEquals(2, ledger.records.get(SCOPE).claims());
    // and while the retry runs, a further duplicate is refused as in progress
    DomainException running =
        assertThrows(
            DomainException.class,
            () -> idempotency.claim(SCOPE, FINGERPRINT, "x", requestId -> Optional.of(TOKEN)));
    assertEquals(ProblemCode.IDEMPOTENCY_IN_PROGRESS, running.code());
  }

  @Test
  void aRequestOfThisBootIsStillRunningAndRefused() {
    leftInProgressBy(thisBoot.id());
    AtomicInteger asked = new AtomicInteger();

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                idempotency.claim(
                    SCOPE,
                    FINGERPRINT,
                    "retry",
                    requestId -> {
                      asked.incrementAndGet();
                      return Optional.of(TOKEN);
                    }));

    assertEquals(ProblemCode.IDEMPOTENCY_IN_PROGRESS, refused.code());
    assertEquals(0, asked.get());
  }

  @Test
  void aRequestOfThisBootOlderThanTheBoundIsOrphanedToo() {
    leftInProgressBy(thisBoot.id());
    clock.advance(Duration.ofSeconds(901));

    Optional<StoredAnswer> answer =
        idempotency.claim(SCOPE, FINGERPRINT, "retry", requestId -> Optional.of(TOKEN));

    assertEquals(Optional.of(TOKEN), answer);
  }

  @Test
  void withoutARecoveryAnOrphanedKeyStaysRefused() {
    leftInProgressBy("dead-boot");

    DomainException refused =
        assertThrows(DomainException.class, () -> idempotency.claim(SCOPE, FINGERPRINT));

    assertEquals(ProblemCode.IDEMPOTENCY_IN_PROGRESS, refused.code());
  }

  @Test
  void ofTwoRetriesAtOnceOnlyOneRecovers() {
    leftInProgressBy("dead-boot");
    // the second retry read the row before the first took it over
    IdempotencyLedger.Seen stale = ledger.peek(SCOPE, FINGERPRINT);
    AtomicInteger rebuilt = new AtomicInteger();
    Recovery recovery =
        requestId -> {
          rebuilt.incrementAndGet();
          return Optional.empty();
        };

    assertTrue(idempotency.claim(SCOPE, FINGERPRINT, "first-retry", recovery).isEmpty());
    assertFalse(
        ledger.takeOver(SCOPE, stale.claims(), "second-retry", "other-boot", now()),
        "the compare-and-set refuses the second take-over");
    DomainException second =
        assertThrows(
            DomainException.class,
            () -> idempotency.claim(SCOPE, FINGERPRINT, "second-retry", recovery));

    assertEquals(ProblemCode.IDEMPOTENCY_IN_PROGRESS, second.code());
    assertEquals(1, rebuilt.get());
    assertEquals("first-retry", ledger.records.get(SCOPE).requestId());
  }

  @Test
  void aRecoveryThatCannotTellNowLeavesTheKeyOrphanedForTheNextRetry() {
    leftInProgressBy("dead-boot");
    RuntimeException mintAway = new IllegalStateException("mint away");

    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                idempotency.claim(
                    SCOPE,
                    FINGERPRINT,
                    "retry",
                    requestId -> {
                      throw mintAway;
                    }));
    assertSame(mintAway, thrown);

    List<String> asked = new ArrayList<>();
    Optional<StoredAnswer> later =
        idempotency.claim(
            SCOPE,
            FINGERPRINT,
            "later",
            requestId -> {
              asked.add(requestId);
              return Optional.of(TOKEN);
            });
    assertEquals(List.of("first-request"), asked, "still asked about the dead execution");
    assertEquals(Optional.of(TOKEN), later);
  }

  @Test
  void aReusedKeyIsStillRefusedWhateverItsClaimant() {
    leftInProgressBy("dead-boot");

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                idempotency.claim(SCOPE, "0".repeat(64), "retry", requestId -> Optional.of(TOKEN)));

    assertEquals(ProblemCode.IDEMPOTENCY_KEY_REUSED, refused.code());
  }

  /** The ledger's rules over records in memory (the take-over a compare-and-set on claims). */
  private static final class Ledger extends IdempotencyLedger {
    final Map<IdempotencyScope, Row> rows = new HashMap<>();
    final Map<IdempotencyScope, IdempotencyRecord> records = new RecordView(rows);

    IdempotencyLedger.Seen peek(IdempotencyScope scope, String fingerprint) {
      IdempotencyRecord record = records.get(scope);
      return new Seen(Claim.MISMATCH, record.claims(), record.requestId());
    }

    @Override
    public synchronized Seen begin(
        IdempotencyScope scope,
        String fingerprint,
        String requestId,
        String boot,
        OffsetDateTime now,
        OffsetDateTime staleBefore) {
      IdempotencyRecord existing = records.get(scope);
      if (existing != null) {
        return new Seen(
            Claim.of(existing, fingerprint, boot, staleBefore),
            existing.claims(),
            existing.requestId());
      }
      records.put(scope, new IdempotencyRecord(scope, fingerprint, requestId, boot, now));
      return new Seen(Claim.STARTED, 1, requestId);
    }

    @Override
    public synchronized boolean takeOver(
        IdempotencyScope scope, int seenClaims, String requestId, String boot, OffsetDateTime now) {
      Row row = rows.get(scope);
      if (row == null || row.answer != null || row.claims != seenClaims) {
        return false;
      }
      rows.put(scope, new Row(row.fingerprint, requestId, boot, now, seenClaims + 1, null));
      return true;
    }

    @Override
    public synchronized void release(IdempotencyScope scope, int claims, String formerRequestId) {
      Row row = rows.get(scope);
      if (row != null && row.answer == null && row.claims == claims) {
        rows.put(
            scope, new Row(row.fingerprint, formerRequestId, null, row.claimedAt, claims, null));
      }
    }

    @Override
    public synchronized Optional<StoredAnswer> answer(IdempotencyScope scope) {
      return Optional.ofNullable(rows.get(scope)).map(row -> row.answer);
    }

    @Override
    public synchronized void complete(
        IdempotencyScope scope, StoredAnswer answer, OffsetDateTime now) {
      Row row = rows.get(scope);
      if (row != null && row.answer == null) {
        rows.put(
            scope,
            new Row(row.fingerprint, row.requestId, row.boot, row.claimedAt, row.claims, answer));
      }
    }
  }

  /** A stored request: what the table's columns hold. */
  private record Row(
      String fingerprint,
      String requestId,
      String boot,
      OffsetDateTime claimedAt,
      int claims,
      StoredAnswer answer) {}

  /** The rows seen as {@link IdempotencyRecord}s, as JPA would load them. */
  private static final class RecordView
      extends java.util.AbstractMap<IdempotencyScope, IdempotencyRecord> {
    private final Map<IdempotencyScope, Row> rows;

    RecordView(Map<IdempotencyScope, Row> rows) {
      this.rows = rows;
    }

    @Override
    public IdempotencyRecord get(Object key) {
      Row row = rows.get(key);
      if (row == null) {
        return null;
      }
      IdempotencyScope scope = (IdempotencyScope) key;
      return IdempotencyRecord.loaded(
          scope,
          row.fingerprint,
          row.requestId,
          row.boot,
          row.claimedAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : row.claimedAt,
          row.claims,
          row.answer);
    }

    @Override
    public IdempotencyRecord put(IdempotencyScope key, IdempotencyRecord value) {
      rows.put(
          key,
          new Row(
              value.fingerprint(),
              value.requestId(),
              value.claimedBy(),
              value.claimedAt(),
              value.claims(),
              value.answer().orElse(null)));
      return null;
    }

    @Override
    public java.util.Set<Entry<IdempotencyScope, IdempotencyRecord>> entrySet() {
      throw new UnsupportedOperationException();
    }
  }
}
