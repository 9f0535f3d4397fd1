package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.session.SessionDesk.CHALLENGE_LIMIT;
import static org.openpleb.ee.session.SessionDesk.CHALLENGE_TTL;
import static org.openpleb.ee.session.SessionDesk.CRITICAL_LIFETIME;
import static org.openpleb.ee.session.SessionDesk.EXPIRY;
import static org.openpleb.ee.session.SessionDesk.LIMIT;
import static org.openpleb.ee.session.SessionDesk.POW_CRITICAL;
import static org.openpleb.ee.session.SessionDesk.POW_EMERGENCY;
import static org.openpleb.ee.session.SessionDesk.RETRY_AFTER;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.capacity.CapacityLevel;
import org.openpleb.ee.platform.ProblemCode;

/** Challenge issuance and the challenge login through {@link SessionLogin}, over fakes. */
class SessionLoginTest {

  private final SessionDesk desk = new SessionDesk();
  private final SessionDesk.User alice = desk.user();

  // ---- challenges ----

  @Test
  void aChallengeIsStoredUnusedForItsLifetime() {
    OffsetDateTime now = desk.now();

    IssuedChallenge issued = desk.login.issueChallenge();

    assertEquals(now.plus(CHALLENGE_TTL), issued.expiresAt());
    LoginChallenge row = desk.challenges.find(issued.challenge()).orElseThrow();
    assertEquals(issued.expiresAt(), row.expiresAt());
    assertEquals(now, row.createdAt());
    assertEquals(Optional.empty(), row.usedAt());
    assertTrue(issued.challenge().matches("[0-9a-f]{64}"));
  }

  @Test
  void twoChallengesDiffer() {
    assertFalse(
        desk.login.issueChallenge().challenge().equals(desk.login.issueChallenge().challenge()));
    assertEquals(2, desk.challenges.all().size());
  }

  @ParameterizedTest
  @CsvSource({"NORMAL, 0", "WARNING, 2", "CRITICAL, 4", "EMERGENCY, 6"})
  void theProofOfWorkOfAChallengeFollowsTheCapacityLevel(CapacityLevel level, int bits) {
    desk.capacity.level = level;

    IssuedChallenge issued = desk.login.issueChallenge();

    assertEquals(bits, issued.powBits());
    assertEquals(bits, ProofOfWork.difficultyOf(issued.challenge()));
    assertEquals(bits, desk.challenges.find(issued.challenge()).orElseThrow().powBits());
  }

  @Test
  void pastTheChallengeLimitAChallengeIsRefusedWithRetryAfterAndNothingIsStored() {
    for (int i = 0; i < CHALLENGE_LIMIT; i++) {
      desk.login.issueChallenge();
    }

    RetryLaterException refused =
        assertThrows(RetryLaterException.class, () -> desk.login.issueChallenge());

    assertEquals(ProblemCode.CHALLENGE_LIMIT_REACHED, refused.code());
    Duration wait = refused.retryAfter().orElseThrow();
    assertTrue(
        !wait.isNegative() && !wait.isZero() && wait.compareTo(CHALLENGE_TTL.plusSeconds(1)) <= 0,
        wait::toString);
    assertEquals(CHALLENGE_LIMIT, desk.challenges.all().size());
  }

  @Test
  void theChallengeLimitFreesOnceTheIssuedOnesHaveLivedOut() {
    for (int i = 0; i < CHALLENGE_LIMIT; i++) {
      desk.login.issueChallenge();
    }
    assertThrows(RetryLaterException.class, () -> desk.login.issueChallenge());

    desk.advance(CHALLENGE_TTL.plusSeconds(2));

    desk.login.issueChallenge();
    assertEquals(CHALLENGE_LIMIT + 1, desk.challenges.all().size());
  }

  // ---- a successful login ----

  @Test
  void aLoginOpensALiveSessionForTheKeyAndUsesItsChallenge() {
    OffsetDateTime now = desk.now();
    IssuedChallenge issued = desk.login.issueChallenge();

    SessionGrant grant =
        desk.login.login(alice.pubkey(), issued.challenge(), alice.sign(issued.challenge()));

    UserSession row = desk.sessions.row(grant.sessionId());
    assertEquals(SessionState.LIVE, row.state());
    assertEquals(alice.pubkey(), row.pubkey());
    assertEquals(SessionToken.hashOf(grant.token()), row.tokenHash());
    assertEquals(now, row.createdAt());
    assertEquals(now, row.lastSeenAt());
    assertEquals(now.plus(EXPIRY), row.expiresAt());
    assertEquals(row.expiresAt(), grant.expiresAt());
    assertEquals(Optional.of(now), desk.challenges.find(issued.challenge()).orElseThrow().usedAt());
    assertEquals(
        List.of(new SessionOpened(row.id(), alice.pubkey(), row.walletId(), row.expiresAt())),
        desk.openedEvents());
    assertEquals(1, desk.sessions.admissionLocks());
    assertEquals(List.of(), desk.rejected);
  }

  @Test
  void keysAreAcceptedInUppercaseAndStoredInLowercase() {
    IssuedChallenge issued = desk.login.issueChallenge();

    SessionGrant grant =
        desk.login.login(
            alice.pubkey().toUpperCase(),
            issued.challenge().toUpperCase(),
            alice.sign(issued.challenge()).toUpperCase());

    assertEquals(alice.pubkey(), desk.sessions.row(grant.sessionId()).pubkey());
  }

  @Test
  void everyLoginGetsItsOwnSessionTokenAndWallet() {
    SessionGrant first = desk.login(alice);
    SessionGrant second = desk.login(alice);

    UserSession a = desk.sessions.row(first.sessionId());
    UserSession b = desk.sessions.row(second.sessionId());
    assertFalse(a.id().equals(b.id()));
    assertFalse(first.token().equals(second.token()));
    assertFalse(a.walletId().equals(b.walletId()));
  }

  @Test
  void atCriticalANewSessionGetsTheShortenedLifetime() {
    desk.capacity.level = CapacityLevel.CRITICAL;
    OffsetDateTime now = desk.now();

    SessionGrant grant = desk.login(alice);

    assertEquals(now.plus(CRITICAL_LIFETIME), grant.expiresAt());
    assertEquals(grant.expiresAt(), desk.sessions.row(grant.sessionId()).expiresAt());
  }

  @Test
  void atWarningANewSessionKeepsTheFullLifetime() {
    desk.capacity.level = CapacityLevel.WARNING;
    OffsetDateTime now = desk.now();

    assertEquals(now.plus(EXPIRY), desk.login(alice).expiresAt());
  }

  // ---- the challenge ----

  @Test
  void aChallengeNeverIssuedIsUnknown() {
    String madeUp = "00" + "ab".repeat(31);

    assertRefused(
        LoginRefusal.CHALLENGE_UNKNOWN,
        () -> desk.login.login(alice.pubkey(), madeUp, alice.sign(madeUp)));
    assertEquals(List.of(), desk.sessions.all());
  }

  @Test
  void aChallengeUsedOnceIsRefusedAsUsed() {
    IssuedChallenge issued = desk.login.issueChallenge();
    String signature = alice.sign(issued.challenge());
    desk.login.login(alice.pubkey(), issued.challenge(), signature);

    assertRefused(
        LoginRefusal.CHALLENGE_USED,
        () -> desk.login.login(alice.pubkey(), issued.challenge(), signature));
    assertEquals(1, desk.sessions.all().size());
  }

  @Test
  void aChallengeIsExpiredAtItsExpiryAndUsableJustBefore() {
    IssuedChallenge late = desk.login.issueChallenge();
    IssuedChallenge inTime = desk.login.issueChallenge();

    desk.advance(CHALLENGE_TTL.minusMillis(1));
    desk.login.login(alice.pubkey(), inTime.challenge(), alice.sign(inTime.challenge()));
    desk.advance(Duration.ofMillis(1));

    assertRefused(
        LoginRefusal.CHALLENGE_EXPIRED,
        () -> desk.login.login(alice.pubkey(), late.challenge(), alice.sign(late.challenge())));
    assertEquals(Optional.empty(), desk.challenges.find(late.challenge()).orElseThrow().usedAt());
    assertEquals(1, desk.sessions.all().size());
  }

  @Test
  void aChallengePurgedByTheSweepIsUnknown() {
    IssuedChallenge issued = desk.login.issueChallenge();
    desk.advance(CHALLENGE_TTL.multipliedBy(2).plusSeconds(1));
    desk.sweeper.closeExpired();

    assertRefused(
        LoginRefusal.CHALLENGE_UNKNOWN,
        () -> desk.login.login(alice.pubkey(), issued.challenge(), alice.sign(issued.challenge())));
  }

  @Test
  void aChallengeAskingForMoreWorkThanEverIssuedIsUnknown() {
    String tooHard = "21" + "ab".repeat(31);

    assertRefused(
        LoginRefusal.CHALLENGE_UNKNOWN,
        () -> desk.login.login(alice.pubkey(), tooHard, alice.sign(tooHard), "0"));
  }

  // ---- the signature and the input ----

  @Test
  void aSignatureByAnotherKeyIsRefusedAndLeavesTheChallengeUsable() {
    SessionDesk.User mallory = desk.user();
    IssuedChallenge issued = desk.login.issueChallenge();

    assertRefused(
        LoginRefusal.BAD_SIGNATURE,
        () ->
            desk.login.login(alice.pubkey(), issued.challenge(), mallory.sign(issued.challenge())));
    assertEquals(Optional.empty(), desk.challenges.find(issued.challenge()).orElseThrow().usedAt());

    desk.login.login(alice.pubkey(), issued.challenge(), alice.sign(issued.challenge()));
    assertEquals(1, desk.sessions.all().size());
  }

  @Test
  void aSignatureOverAnotherChallengeIsRefused() {
    IssuedChallenge issued = desk.login.issueChallenge();
    IssuedChallenge other = desk.login.issueChallenge();

    assertRefused(
        LoginRefusal.BAD_SIGNATURE,
        () -> desk.login.login(alice.pubkey(), issued.challenge(), alice.sign(other.challenge())));
  }

  @Test
  void aMalformedKeyIsBadInputAndCounted() {
    IssuedChallenge issued = desk.login.issueChallenge();

    assertRefused(
        LoginRefusal.BAD_INPUT,
        () -> desk.login.login("xyz", issued.challenge(), alice.sign(issued.challenge())));
  }

  @Test
  void aMalformedNonceIsBadInput() {
    IssuedChallenge issued = desk.login.issueChallenge();

    assertRefused(
        LoginRefusal.BAD_INPUT,
        () ->
            desk.login.login(
                alice.pubkey(), issued.challenge(), alice.sign(issued.challenge()), "no spaces"));
  }

  // ---- proof of work ----

  @Test
  void aChallengeWithWorkNeedsTheWorkAndStaysUsableWithout() {
    desk.capacity.level = CapacityLevel.CRITICAL;
    IssuedChallenge issued = desk.login.issueChallenge();
    String signature = alice.sign(issued.challenge());

    assertRefused(
        LoginRefusal.POW_INSUFFICIENT,
        () -> desk.login.login(alice.pubkey(), issued.challenge(), signature));
    assertRefused(
        LoginRefusal.POW_INSUFFICIENT,
        () ->
            desk.login.login(
                alice.pubkey(),
                issued.challenge(),
                signature,
                weakNonce(issued.challenge(), POW_CRITICAL)));
    assertEquals(Optional.empty(), desk.challenges.find(issued.challenge()).orElseThrow().usedAt());

    desk.login.login(
        alice.pubkey(),
        issued.challenge(),
        signature,
        ProofOfWork.solve(issued.challenge(), POW_CRITICAL));
    assertEquals(1, desk.sessions.all().size());
  }

  @Test
  void aChallengeFetchedBeforeTheLevelRoseNeedsTheWorkOfTheLevelNow() {
    IssuedChallenge issued = desk.login.issueChallenge();
    desk.capacity.level = CapacityLevel.CRITICAL;

    LoginRefusedException refused =
        assertRefused(
            LoginRefusal.POW_INSUFFICIENT,
            () ->
                desk.login.login(
                    alice.pubkey(), issued.challenge(), alice.sign(issued.challenge())));

    assertTrue(refused.getMessage().contains("ask for a new challenge"), refused.getMessage());
    assertTrue(refused.getMessage().contains(POW_CRITICAL + " leading zero bits"));
  }

  @Test
  void insufficientWorkIsRefusedBeforeTheSignatureIsChecked() {
    desk.capacity.level = CapacityLevel.WARNING;
    IssuedChallenge issued = desk.login.issueChallenge();
    String badSignature = "0".repeat(128);

    assertRefused(
        LoginRefusal.POW_INSUFFICIENT,
        () ->
            desk.login.login(
                alice.pubkey(),
                issued.challenge(),
                badSignature,
                weakNonce(issued.challenge(), 1)));
  }

  @Test
  void aChallengeKeepsTheWorkItWasIssuedWithWhenTheLevelDrops() {
    desk.capacity.level = CapacityLevel.CRITICAL;
    IssuedChallenge issued = desk.login.issueChallenge();
    desk.capacity.level = CapacityLevel.NORMAL;

    assertRefused(
        LoginRefusal.POW_INSUFFICIENT,
        () -> desk.login.login(alice.pubkey(), issued.challenge(), alice.sign(issued.challenge())));
    assertEquals(Optional.empty(), desk.challenges.find(issued.challenge()).orElseThrow().usedAt());
  }

  @Test
  void atEmergencyAChallengeFromBeforeIsAdmittedWithTheEmergencyWork() {
    IssuedChallenge issued = desk.login.issueChallenge();
    desk.capacity.level = CapacityLevel.EMERGENCY;

    SessionGrant grant =
        desk.login.login(
            alice.pubkey(),
            issued.challenge(),
            alice.sign(issued.challenge()),
            ProofOfWork.solve(issued.challenge(), POW_EMERGENCY));

    assertEquals(SessionState.LIVE, desk.sessions.row(grant.sessionId()).state());
  }

  // ---- admission ----

  @Test
  void atTheSessionLimitALoginIsRefusedWithRetryAfter() {
    for (int i = 0; i < LIMIT; i++) {
      desk.loggedIn();
    }

    LoginRefusedException refused = assertRefused(LoginRefusal.LIMIT, () -> desk.login(alice));

    assertEquals(Optional.of(RETRY_AFTER), refused.retryAfter());
    assertEquals(LIMIT, desk.sessions.all().size());
    assertEquals(LIMIT, desk.openedEvents().size());
  }

  @Test
  void aClosedSessionFreesItsPlaceUnderTheLimit() {
    String first = desk.loggedIn();
    for (int i = 1; i < LIMIT; i++) {
      desk.loggedIn();
    }
    desk.login.logout(first);

    desk.login(alice);

    assertEquals(LIMIT + 1, desk.sessions.all().size());
  }

  @Test
  void anExpiredSessionFreesItsPlaceEvenBeforeTheSweep() {
    for (int i = 0; i < LIMIT; i++) {
      desk.loggedIn();
    }
    desk.advance(EXPIRY);

    desk.login(alice);

    assertEquals(LIMIT + 1, desk.sessions.all().size());
  }

  @Test
  void atEmergencyALoginWithoutTheEmergencyWorkIsRefusedWithoutTakingTheLock() {
    IssuedChallenge issued = desk.login.issueChallenge();
    desk.capacity.level = CapacityLevel.EMERGENCY;

    LoginRefusedException refused =
        assertRefused(
            LoginRefusal.EMERGENCY,
            () ->
                desk.login.login(
                    alice.pubkey(), issued.challenge(), alice.sign(issued.challenge())));

    assertEquals(Optional.of(RETRY_AFTER), refused.retryAfter());
    assertEquals(0, desk.sessions.admissionLocks());
    assertEquals(Optional.empty(), desk.challenges.find(issued.challenge()).orElseThrow().usedAt());
  }

  @Test
  void atEmergencyTheEmergencyWorkAdmitsALogin() {
    desk.capacity.level = CapacityLevel.EMERGENCY;
    OffsetDateTime now = desk.now();
    IssuedChallenge issued = desk.login.issueChallenge();
    assertEquals(POW_EMERGENCY, issued.powBits());

    SessionGrant grant =
        desk.login.login(
            alice.pubkey(),
            issued.challenge(),
            alice.sign(issued.challenge()),
            ProofOfWork.solve(issued.challenge(), POW_EMERGENCY));

    assertEquals(SessionState.LIVE, desk.sessions.row(grant.sessionId()).state());
    assertEquals(now.plus(CRITICAL_LIFETIME), grant.expiresAt());
    assertEquals(1, desk.sessions.admissionLocks());
  }

  @Test
  void atEmergencyTheHardLimitStaysHardEvenWithTheWork() {
    for (int i = 0; i < LIMIT; i++) {
      desk.loggedIn();
    }
    desk.capacity.level = CapacityLevel.EMERGENCY;

    assertRefused(LoginRefusal.LIMIT, () -> desk.login(alice));
  }

  // ---- logout ----

  @Test
  void logoutClosesTheSessionOnceAndAnnouncesItOnce() {
    SessionGrant grant = desk.login(alice);
    desk.advance(Duration.ofSeconds(5));
    OffsetDateTime at = desk.now();

    desk.login.logout(grant.sessionId());
    desk.login.logout(grant.sessionId());

    UserSession row = desk.sessions.row(grant.sessionId());
    assertEquals(SessionState.CLOSED, row.state());
    assertEquals(Optional.of(SessionCloseReason.LOGGED_OUT), row.closeReason());
    assertEquals(Optional.of(at), row.closedAt());
    assertEquals(
        List.of(
            new SessionClosed(
                row.id(), alice.pubkey(), row.walletId(), SessionCloseReason.LOGGED_OUT)),
        desk.closedEvents());
  }

  @Test
  void logoutOfAnUnknownSessionChangesNothing() {
    desk.login(alice);

    desk.login.logout("no-such-session");

    assertEquals(List.of(), desk.closedEvents());
    assertEquals(SessionState.LIVE, desk.sessions.all().get(0).state());
  }

  /** A nonce whose hash has fewer than {@code bits} leading zero bits. */
  private static String weakNonce(String challenge, int bits) {
    for (int n = 0; ; n++) {
      if (ProofOfWork.leadingZeroBits(challenge, "w" + n) < bits) {
        return "w" + n;
      }
    }
  }

  private LoginRefusedException assertRefused(LoginRefusal why, Runnable login) {
    int before = desk.rejected.size();
    LoginRefusedException refused =
        assertThrows(LoginRefusedException.class, login::run, why::name);
    assertEquals(why, refused.refusal());
    assertEquals(why.code(), refused.code());
    assertEquals(List.of(why), desk.rejected.subList(before, desk.rejected.size()), "counted");
    return refused;
  }
}
