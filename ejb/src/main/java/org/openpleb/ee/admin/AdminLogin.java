package org.openpleb.ee.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.session.SessionToken;

/**
 * The operator's login to the admin API with the configured user name and password, checked with
 * Jakarta Security's {@link Pbkdf2PasswordHash} against {@code OPENPLEB_ADMIN_PASSWORD_HASH}. A
 * successful login gets a bearer token for {@code OPENPLEB_ADMIN_SESSION_EXPIRY}; only its hash is
 * stored.
 */
@Stateless
public class AdminLogin {

  private static final Logger LOG = Logger.getLogger(AdminLogin.class.getName());

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject AdminConfig config;

  @Inject AdminLoginGuard guard;

  @Inject Clock clock;

  @PostConstruct
  void configureHash() {
    passwordHash.initialize(AdminPasswordHasher.parameters());
  }

  /**
   * Opens an admin session.
   *
   * @throws DomainException {@code ADMIN_LOGIN_DISABLED} while no credentials are configured,
   *     {@code VALIDATION_FAILED} without a user or password, {@code BAD_CREDENTIALS} when they are
   *     wrong, {@code TOO_MANY_REQUESTS} while failures from this address or for this user back
   *     off, {@code SERVICE_UNAVAILABLE} while every password check slot is busy
   */
  public AdminGrant login(String user, String password, String addressKey) {
    if (!config.enabled()) {
      throw new DomainException(
          ProblemCode.ADMIN_LOGIN_DISABLED,
          "Admin login is disabled: the operator has not set "
              + AdminConfig.ADMIN_USER
              + " and "
              + AdminConfig.ADMIN_PASSWORD_HASH);
    }
    if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "user and password are required");
    }
    // both checks always run, so the time taken does not tell whether the user name was right
    boolean userMatches =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8),
            config.user().orElseThrow().getBytes(StandardCharsets.UTF_8));
    guard.admit(addressKey, userMatches);
    guard.acquireHashing();
    boolean passwordMatches;
    try {
      passwordMatches =
          passwordHash.verify(password.toCharArray(), config.passwordHash().orElseThrow());
    } finally {
      guard.releaseHashing();
    }
    if (!(userMatches && passwordMatches)) {
      guard.failed(addressKey, userMatches);
      LOG.warning("Admin login refused: wrong user name or password");
      throw new DomainException(ProblemCode.BAD_CREDENTIALS, "Wrong user name or password");
    }
    guard.succeeded(addressKey);
    SessionToken token = SessionToken.generate();
    AdminSession session =
        AdminSession.open(user, token.hash(), OffsetDateTime.now(clock), config.sessionExpiry());
    em.persist(session);
    em.flush();
    LOG.log(
        Level.INFO,
        "Admin session {0} opened until {1}",
        new Object[] {session.id(), session.expiresAt()});
    return new AdminGrant(session.id(), token.value(), session.expiresAt());
  }

  /** The admin session of {@code token}, if it is well formed, not logged out and not expired. */
  public Optional<AdminPrincipal> authenticate(String token) {
    if (!SessionToken.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT a FROM AdminSession a WHERE a.tokenHash = :hash AND a.closedAt IS NULL"
                + " AND a.expiresAt > :now",
            AdminSession.class)
        .setParameter("hash", SessionToken.hashOf(token))
        .setParameter("now", OffsetDateTime.now(clock))
        .getResultStream()
        .findFirst()
        .map(a -> new AdminPrincipal(a.id(), a.username(), a.expiresAt()));
  }

  /** Ends an admin session; ending an ended one changes nothing. */
  public void logout(String sessionId) {
    int closed =
        em.createQuery(
                "UPDATE AdminSession a SET a.closedAt = :now WHERE a.id = :id"
                    + " AND a.closedAt IS NULL")
            .setParameter("now", OffsetDateTime.now(clock))
            .setParameter("id", sessionId)
            .executeUpdate();
    if (closed == 1) {
      LOG.log(Level.INFO, "Admin session {0} logged out", sessionId);
    }
  }
}
