package org.openpleb.ee.session;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.capacity.CapacityLevel;
import org.openpleb.ee.capacity.CapacityMonitor;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The challenge login: a user proves they hold a secp256k1 key by signing a one-time challenge, and
 * gets a bearer token for a session of bounded lifetime.
 *
 * <p>A login runs in one transaction, in this order: the shape of the request, the proof of work
 * (one hash, see {@link ProofOfWork}), the BIP-340 signature (no database work yet), the challenge
 * (consumed by a conditional update), the capacity level, then the admission lock, the live count
 * against {@code SESSION_LIMIT} and the insert. Any refusal rolls the whole transaction back, so a
 * refused login consumes nothing: its challenge stays usable until it expires, whatever the refusal
 * was. Only a login that opens a session uses its challenge, and a second use of it is refused as
 * {@link LoginRefusal#CHALLENGE_USED}.
 */
@Stateless
public class SessionLogin {

  private static final Logger LOG = Logger.getLogger(SessionLogin.class.getName());

  @EJB SessionRepository sessions;

  @EJB LoginChallengeRepository challenges;

  @EJB SessionCloser closer;

  @Inject SessionConfig config;

  @Inject CapacityMonitor capacity;

  @Inject SessionMetrics metrics;

  @Inject Clock clock;

  @Inject Event<SessionTransitions.Pending> transitions;

  @Inject ChallengeIssuance issuance;

  /**
   * Issues a fresh challenge, valid for {@code SESSION_CHALLENGE_TTL}, asking for the proof of work
   * of the current capacity level.
   *
   * @throws org.openpleb.ee.admission.RetryLaterException {@code CHALLENGE_LIMIT_REACHED} when this
   *     server issued {@code SESSION_CHALLENGE_LIMIT} challenges within the last challenge lifetime
   */
  public IssuedChallenge issueChallenge() {
    OffsetDateTime now = now();
    Optional<Duration> full = issuance.tryIssue(now.toEpochSecond());
    if (full.isPresent()) {
      LOG.log(Level.FINE, "Login challenge refused: SESSION_CHALLENGE_LIMIT reached");
      throw new RetryLaterException(
          ProblemCode.CHALLENGE_LIMIT_REACHED,
          "The server has issued as many login challenges as it allows for now; try again later",
          full.get());
    }
    int bits = config.powBits(capacity.current());
    LoginChallenge challenge = LoginChallenge.issue(now, config.challengeTtl(), bits);
    challenges.add(challenge);
    return new IssuedChallenge(challenge.challenge(), challenge.expiresAt(), bits);
  }

  /** Opens a session for a signed challenge without a proof of work (enough at NORMAL). */
  public SessionGrant login(String pubkey, String challenge, String signature) {
    return login(pubkey, challenge, signature, null);
  }

  /**
   * Opens a session for a signed challenge.
   *
   * @param pubkey x-only public key, 64 hex characters
   * @param challenge a challenge from {@link #issueChallenge()}, 64 hex characters
   * @param signature BIP-340 signature over SHA-256 of the challenge's UTF-8 text, 128 hex
   * @param powNonce the proof-of-work nonce, or null when the challenge asks for none
   * @return the session id, its bearer token and its expiry
   * @throws LoginRefusedException with the reason, which the client sees as a problem code
   */
  public SessionGrant login(String pubkey, String challenge, String signature, String powNonce) {
    LoginProof proof;
    try {
      proof = new LoginProof(pubkey, challenge, signature);
    } catch (LoginRefusedException e) {
      throw counted(e);
    }
    if (powNonce != null && !ProofOfWork.isWellFormedNonce(powNonce)) {
      throw refuse(
          LoginRefusal.BAD_INPUT, "powNonce must be 1 to 64 characters of A-Z, a-z, 0-9, - and _");
    }
    int issuedBits = ProofOfWork.difficultyOf(proof.challenge());
    if (issuedBits > ProofOfWork.MAX_BITS) {
      // no challenge asking for that much work is ever issued
      throw refuse(
          LoginRefusal.CHALLENGE_UNKNOWN, challengeMessage(LoginRefusal.CHALLENGE_UNKNOWN));
    }
    CapacityLevel level = capacity.current();
    int workBits = powNonce == null ? 0 : ProofOfWork.leadingZeroBits(proof.challenge(), powNonce);
    int emergencyBits = config.powBits(CapacityLevel.EMERGENCY);
    boolean emergencyWorkDone = workBits >= Math.max(issuedBits, emergencyBits);
    if (level == CapacityLevel.EMERGENCY && !emergencyWorkDone) {
      throw counted(
          new LoginRefusedException(
              LoginRefusal.EMERGENCY,
              "The server is overloaded and admits only logins with a proof of work of "
                  + emergencyBits
                  + " bits; ask for a new challenge and solve its proof of work",
              config.retryAfter()));
    }
    int requiredBits = Math.max(issuedBits, config.powBits(level));
    if (workBits < requiredBits) {
      throw refuse(
          LoginRefusal.POW_INSUFFICIENT,
          "This login needs a proof of work of "
              + requiredBits
              + " leading zero bits; "
              + (requiredBits > issuedBits
                  ? "ask for a new challenge, which says how much"
                  : "see the challenge's pow field"));
    }
    if (!proof.verifies()) {
      throw refuse(LoginRefusal.BAD_SIGNATURE, "The signature does not verify for this key");
    }
    OffsetDateTime now = now();
    if (!challenges.consume(proof.challenge(), now)) {
      LoginRefusal why =
          challenges
              .find(proof.challenge())
              // a row that still looks usable was taken by a concurrent login meanwhile
              .map(c -> c.refusalAt(now).orElse(LoginRefusal.CHALLENGE_USED))
              .orElse(LoginRefusal.CHALLENGE_UNKNOWN);
      throw refuse(why, challengeMessage(why));
    }
    Optional<LoginRefusal> refusal =
        SessionAdmission.judge(
            capacity.admitsNewSessions(),
            emergencyWorkDone,
            () -> {
              sessions.lockAdmission();
              return sessions.countLive(now);
            },
            config.limit());
    if (refusal.isPresent()) {
      LoginRefusal why = refusal.get();
      throw counted(
          new LoginRefusedException(
              why,
              why == LoginRefusal.LIMIT
                  ? "The server has reached its session limit; try again later"
                  : "The server is overloaded and admits no new sessions; try again later",
              config.retryAfter()));
    }
    Duration lifetime = capacity.sessionLifetime(config.expiry());
    SessionToken token = SessionToken.generate();
    UserSession session = UserSession.open(proof.pubkey(), token.hash(), now, lifetime);
    sessions.add(session);
    transitions.fire(
        new SessionTransitions.Pending(
            new SessionOpened(
                session.id(), session.pubkey(), session.walletId(), session.expiresAt())));
    return new SessionGrant(session.id(), token.value(), session.expiresAt());
  }

  /** Ends a session at the user's request; ending an ended session changes nothing. */
  public void logout(String sessionId) {
    closer.close(sessionId, SessionCloseReason.LOGGED_OUT);
  }

  private static String challengeMessage(LoginRefusal why) {
    return switch (why) {
      case CHALLENGE_USED -> "This challenge was already used; ask for a new one";
      case CHALLENGE_EXPIRED -> "This challenge has expired; ask for a new one";
      default -> "This challenge was not issued here; ask for a new one";
    };
  }

  private LoginRefusedException refuse(LoginRefusal why, String message) {
    return counted(new LoginRefusedException(why, message));
  }

  private LoginRefusedException counted(LoginRefusedException refusal) {
    metrics.rejected(refusal.refusal());
    LOG.log(Level.FINE, "Login refused: {0}", refusal.refusal());
    return refusal;
  }

  /**
   * Now, to the millisecond: the database keeps microseconds at most, and the expiry a client is
   * told must be the one stored.
   */
  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
