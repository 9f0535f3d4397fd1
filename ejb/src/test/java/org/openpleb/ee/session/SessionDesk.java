package org.openpleb.ee.session;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.ee.capacity.CapacityLevel;
import org.openpleb.ee.capacity.CapacityMonitor;
import org.openpleb.ee.platform.TestClock;

/**
 * The session feature wired as the container wires it, over the in-memory repositories and a clock
 * the test moves: login, logout, authentication, the closer and the sweeper. Pending transitions
 * are recorded as if every transaction committed; the capacity level is set by the test.
 */
final class SessionDesk {

  static final Duration EXPIRY = Duration.ofSeconds(3_600);
  static final Duration CHALLENGE_TTL = Duration.ofSeconds(60);
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);
  static final Duration IDLE_LIMIT = Duration.ofSeconds(900);
  static final Duration CRITICAL_LIFETIME = Duration.ofSeconds(600);
  static final int LIMIT = 5;
  static final int CHALLENGE_LIMIT = 10;
  static final int POW_WARNING = 2;
  static final int POW_CRITICAL = 4;
  static final int POW_EMERGENCY = 6;

  private static final HexFormat HEX = HexFormat.of();

  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00.123Z"));
  final InMemorySessionRepository sessions = new InMemorySessionRepository();
  final InMemoryLoginChallengeRepository challenges = new InMemoryLoginChallengeRepository();
  final SessionConfig config = new SessionConfig();
  final Capacity capacity = new Capacity();
  final List<LoginRefusal> rejected = new ArrayList<>();
  final List<Object> announced = new ArrayList<>();
  final List<String> inTrade = new ArrayList<>();
  final List<String> funded = new ArrayList<>();
  final SessionLogin login = new SessionLogin();
  final SessionCloser closer = new SessionCloser();
  final SessionSweeper sweeper = new SessionSweeper();
  final SessionAuthentication authentication = new SessionAuthentication();
  final ChallengeIssuance issuance = new ChallengeIssuance();
  private int users;

  SessionDesk() {
    config.expirySeconds = EXPIRY.toSeconds();
    config.limit = LIMIT;
    config.challengeTtlSeconds = CHALLENGE_TTL.toSeconds();
    config.retryAfterSeconds = RETRY_AFTER.toSeconds();
    config.touchIntervalSeconds = TOUCH_INTERVAL.toSeconds();
    config.idleLimitSeconds = IDLE_LIMIT.toSeconds();
    config.powBitsWarning = POW_WARNING;
    config.powBitsCritical = POW_CRITICAL;
    config.powBitsEmergency = POW_EMERGENCY;
    config.challengeLimit = CHALLENGE_LIMIT;
    config.sweepIntervalMillis = 1_000;

    issuance.config = config;
    issuance.create();

    SessionMetrics metrics =
        new SessionMetrics() {
          @Override
          public void rejected(LoginRefusal refusal) {
            rejected.add(refusal);
          }
        };
    Event<SessionTransitions.Pending> transitions = new Committed(announced);

    closer.sessions = sessions;
    closer.clock = clock;
    closer.transitions = transitions;

    login.sessions = sessions;
    login.challenges = challenges;
    login.closer = closer;
    login.config = config;
    login.capacity = capacity;
    login.metrics = metrics;
    login.clock = clock;
    login.transitions = transitions;
    login.issuance = issuance;

    sweeper.sessions = sessions;
    sweeper.challenges = challenges;
    sweeper.closer = closer;
    sweeper.config = config;
    sweeper.clock = clock;
    sweeper.tradeChecks =
        new Beans<OpenTradeCheck>(
            List.of((sessionId, pubkey, walletId) -> inTrade.contains(sessionId)));
    sweeper.holdings =
        new Beans<SessionHoldings>(
            List.of((sessionId, pubkey, walletId) -> funded.contains(sessionId)));

    authentication.sessions = sessions;
    authentication.config = config;
    authentication.clock = clock;
  }

  /** A user: a secret key and its x-only public key. */
  record User(byte[] secret, String pubkey) {

    /** A BIP-340 signature of this user over {@code challenge}. */
    String sign(String challenge) {
      return HEX.formatHex(Schnorr.sign(secret, LoginProof.message(challenge), new byte[32]));
    }
  }

  /** A new user with a key of its own. */
  User user() {
    users++;
    byte[] secret = new byte[32];
    secret[31] = (byte) users;
    secret[0] = 1;
    return new User(secret, HEX.formatHex(Schnorr.publicKey(secret)));
  }

  /** Asks for a challenge and logs {@code user} in with it, solving its proof of work. */
  SessionGrant login(User user) {
    IssuedChallenge issued = login.issueChallenge();
    return login.login(
        user.pubkey(),
        issued.challenge(),
        user.sign(issued.challenge()),
        issued.powBits() == 0 ? null : ProofOfWork.solve(issued.challenge(), issued.powBits()));
  }

  /** A fresh user logged in; the id of its session. */
  String loggedIn() {
    return login(user()).sessionId();
  }

  OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  /** The sessions announced closed, in order. */
  List<SessionClosed> closedEvents() {
    return announced.stream()
        .filter(SessionClosed.class::isInstance)
        .map(SessionClosed.class::cast)
        .toList();
  }

  /** The sessions announced opened, in order. */
  List<SessionOpened> openedEvents() {
    return announced.stream()
        .filter(SessionOpened.class::isInstance)
        .map(SessionOpened.class::cast)
        .toList();
  }

  /** The capacity monitor at a level the test sets, with the policy's lifetime rule. */
  static final class Capacity extends CapacityMonitor {

    CapacityLevel level = CapacityLevel.NORMAL;

    @Override
    public CapacityLevel current() {
      return level;
    }

    @Override
    public boolean admitsNewSessions() {
      return level.admitsNewSessions();
    }

    @Override
    public Duration sessionLifetime(Duration configured) {
      return level.shortensNewSessions() && CRITICAL_LIFETIME.compareTo(configured) < 0
          ? CRITICAL_LIFETIME
          : configured;
    }
  }

  /** Pending transitions, recorded as the events they become once their transaction commits. */
  private record Committed(List<Object> events) implements Event<SessionTransitions.Pending> {

    @Override
    public void fire(SessionTransitions.Pending pending) {
      events.add(pending.event());
    }

    @Override
    public <U extends SessionTransitions.Pending> CompletionStage<U> fireAsync(U event) {
      fire(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends SessionTransitions.Pending> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<SessionTransitions.Pending> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends SessionTransitions.Pending> Event<U> select(
        Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SessionTransitions.Pending> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }

  /** The beans of one type a test deploys: what CDI would hand the sweeper. */
  static final class Beans<T> implements Instance<T> {

    private final List<T> all;

    Beans(List<T> all) {
      this.all = all;
    }

    @Override
    public Iterator<T> iterator() {
      return all.iterator();
    }

    @Override
    public T get() {
      return all.get(0);
    }

    @Override
    public boolean isUnsatisfied() {
      return all.isEmpty();
    }

    @Override
    public boolean isAmbiguous() {
      return all.size() > 1;
    }

    @Override
    public Instance<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void destroy(T instance) {}

    @Override
    public Handle<T> getHandle() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<? extends Handle<T>> handles() {
      return List.of();
    }
  }
}
