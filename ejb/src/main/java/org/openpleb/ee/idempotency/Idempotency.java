package org.openpleb.ee.idempotency;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The rules of an idempotent request. Before the work: {@link #claim} either lets the caller run it
 * (the request is new), returns the first answer to replay, or refuses (the first request is still
 * running: 409 IDEMPOTENCY_IN_PROGRESS; the key came with a different request: 422
 * IDEMPOTENCY_KEY_REUSED; a key whose first execution died with its server is orphaned and, given a
 * {@link Recovery}, recovered by one retry). After it: {@link #complete} stores the answer, or
 * {@link #abandon} forgets a request that moved nothing, so the client may try the same key again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Idempotency {

  private static final Logger LOG = Logger.getLogger(Idempotency.class.getName());

  /** The most plain-text answers sealed per cleanup run, so one run stays short. */
  static final int SEAL_BATCH = 500;

  @EJB IdempotencyLedger ledger;

  @Inject IdempotencyConfig config;

  @Inject Clock clock;

  @Inject AnswerSeal seal;

  @Inject ServerBoot boot;

  /**
   * Claims the request for the caller. A key its first execution left IN_PROGRESS when its server
   * died is refused like one still running (409): without a {@link Recovery} nothing tells whether
   * that execution moved money.
   *
   * @param fingerprint {@link #fingerprint(String)} of everything that defines the request
   * @return empty when the caller must run the request now, else the first answer to replay
   * @throws DomainException IDEMPOTENCY_IN_PROGRESS or IDEMPOTENCY_KEY_REUSED
   */
  public Optional<StoredAnswer> claim(IdempotencyScope scope, String fingerprint) {
    return claim(scope, fingerprint, UUID.randomUUID().toString(), null);
  }

  /**
   * Claims the request for the caller, recovering an orphaned key (its first execution died with
   * its server before the answer was stored) through {@code recovery}.
   *
   * @return empty when the caller must run the request now, else the answer to replay
   * @throws DomainException IDEMPOTENCY_IN_PROGRESS or IDEMPOTENCY_KEY_REUSED
   */
  public Optional<StoredAnswer> claim(
      IdempotencyScope scope, String fingerprint, Recovery recovery) {
    return claim(scope, fingerprint, UUID.randomUUID().toString(), recovery);
  }

  /**
   * Claims the request for the caller, who runs it (if it runs) under {@code requestId}: a money
   * request uses it as the id of its wallet operation, so that a retry after a crash finds what it
   * did. An orphaned key is taken over by exactly one retry (concurrent ones get 409); {@code
   * recovery} is asked, with the id of the dead execution, what that execution did: a rebuilt
   * answer is stored and replayed, an empty one lets the caller run the request afresh.
   *
   * @param requestId a new id (a random UUID) for this execution
   * @param recovery how to learn the dead execution's outcome; null to refuse orphaned keys (409)
   * @return empty when the caller must run the request now, else the answer to replay
   * @throws DomainException IDEMPOTENCY_IN_PROGRESS or IDEMPOTENCY_KEY_REUSED, or what {@code
   *     recovery} threw
   */
  public Optional<StoredAnswer> claim(
      IdempotencyScope scope, String fingerprint, String requestId, Recovery recovery) {
    for (int attempt = 0; attempt < 3; attempt++) {
      OffsetDateTime now = now();
      IdempotencyLedger.Seen seen =
          ledger.begin(
              scope, fingerprint, requestId, boot.id(), now, now.minus(config.orphanAfter()));
      switch (seen.claim()) {
        case STARTED:
          return Optional.empty();
        case REPLAY:
          Optional<StoredAnswer> answer = ledger.answer(scope);
          if (answer.isPresent()) {
            LOG.log(Level.FINE, "Replaying the answer to a retried {0}", scope.endpoint());
            return Optional.of(seal.open(scope, answer.get()));
          }
          // purged between the two reads: claim it afresh
          continue;
        case MISMATCH:
          throw new DomainException(
              ProblemCode.IDEMPOTENCY_KEY_REUSED,
              "This Idempotency-Key was already used with a different request; use a new key");
        case ORPHANED:
          if (recovery == null) {
            throw inProgress();
          }
          if (!ledger.takeOver(scope, seen.claims(), requestId, boot.id(), now)) {
            // a concurrent retry took it first: look again (it is in progress now)
            continue;
          }
          return recover(scope, seen, recovery);
        case IN_PROGRESS:
          throw inProgress();
        case RACED:
        default:
          // a concurrent duplicate stored it first: read what it stored
      }
    }
    throw inProgress();
  }

  /** The outcome of an orphaned request this call took over. */
  private Optional<StoredAnswer> recover(
      IdempotencyScope scope, IdempotencyLedger.Seen seen, Recovery recovery) {
    Optional<StoredAnswer> rebuilt;
    try {
      rebuilt = recovery.rebuild(seen.requestId());
    } catch (RuntimeException e) {
      try {
        ledger.release(scope, seen.claims() + 1, seen.requestId());
      } catch (RuntimeException notReleased) {
        e.addSuppressed(notReleased);
      }
      throw e;
    }
    if (rebuilt.isEmpty()) {
      LOG.log(
          Level.INFO, "An orphaned {0} request had not happened; it runs afresh", scope.endpoint());
      return Optional.empty();
    }
    LOG.log(
        Level.INFO,
        "An orphaned {0} request had happened; its answer is rebuilt and replayed",
        scope.endpoint());
    complete(scope, rebuilt.get());
    return rebuilt;
  }

  /** Stores the answer every retry of the request will get, sealed ({@link AnswerSeal}). */
  public void complete(IdempotencyScope scope, StoredAnswer answer) {
    ledger.complete(scope, seal.seal(scope, answer), now());
  }

  /** Forgets a request that failed without moving anything. */
  public void abandon(IdempotencyScope scope) {
    ledger.abandon(scope);
  }

  /**
   * Deletes stored answers older than {@code IDEMPOTENCY_RETENTION} and seals any answer still
   * stored in plain text (kept by a version before sealing); returns how many were deleted.
   */
  public int purgeExpired() {
    int purged = ledger.purgeBefore(now().minus(config.retention()));
    if (purged > 0) {
      LOG.log(Level.FINE, "Purged {0} stored idempotent answer(s)", purged);
    }
    int sealed = ledger.sealPlainAnswers(seal, SEAL_BATCH);
    if (sealed > 0) {
      LOG.log(Level.INFO, "Sealed {0} idempotent answer(s) stored in plain text", sealed);
    }
    return purged;
  }

  /** The SHA-256 (hex) of a request's defining text, e.g. its endpoint and JSON body. */
  public static String fingerprint(String request) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static DomainException inProgress() {
    return new DomainException(
        ProblemCode.IDEMPOTENCY_IN_PROGRESS,
        "The first request with this Idempotency-Key is still running; retry it shortly");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
