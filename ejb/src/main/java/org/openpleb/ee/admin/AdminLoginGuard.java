package org.openpleb.ee.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Keeps admin password guessing slow and cheap for the server: backoff after failures per client
 * address ({@code OPENPLEB_ADMIN_LOGIN_BACKOFF_MAX}) and for the configured user name from anywhere
 * ({@code OPENPLEB_ADMIN_LOGIN_USER_BACKOFF_MAX}, shorter, since it also delays the real operator),
 * and at most {@code OPENPLEB_ADMIN_LOGIN_HASH_PERMITS} password hashes in flight: one PBKDF2 check
 * costs 210,000 iterations, and a login that finds no free slot within a moment is refused before
 * hashing.
 */
@ApplicationScoped
public class AdminLoginGuard {

  private static final Logger LOG = Logger.getLogger(AdminLoginGuard.class.getName());

  /** How long a login waits for a hashing slot before it is refused. */
  static final Duration SLOT_WAIT = Duration.ofMillis(250);

  /** Addresses remembered at most. */
  static final int MAX_TRACKED = 10_000;

  @Inject AdminConfig config;

  private LoginBackoff byAddress;
  private LoginBackoff byUser;
  private Semaphore hashing;

  @PostConstruct
  void create() {
    byAddress = new LoginBackoff(config.backoffMax(), MAX_TRACKED, System::nanoTime);
    // only the configured user name is ever a key here, so two entries suffice
    byUser = new LoginBackoff(config.userBackoffMax(), 2, System::nanoTime);
    hashing = new Semaphore(config.hashPermits());
  }

  /**
   * Refuses an attempt that must still wait.
   *
   * @throws RetryLaterException {@code TOO_MANY_REQUESTS} with the remaining wait
   */
  public void admit(String addressKey, boolean configuredUser) {
    Optional<Duration> wait = byAddress.blocked(addressKey);
    if (configuredUser) {
      Optional<Duration> userWait = byUser.blocked(AdminConfig.ADMIN_USER);
      if (userWait.isPresent() && (wait.isEmpty() || userWait.get().compareTo(wait.get()) > 0)) {
        wait = userWait;
      }
    }
    if (wait.isPresent()) {
      throw new RetryLaterException(
          ProblemCode.TOO_MANY_REQUESTS,
          "Too many failed admin logins; wait before trying again",
          wait.get());
    }
  }

  /**
   * Takes a hashing slot, waiting briefly.
   *
   * @throws RetryLaterException {@code SERVICE_UNAVAILABLE} when every slot stays busy
   */
  public void acquireHashing() {
    boolean acquired;
    try {
      acquired = hashing.tryAcquire(SLOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      LOG.log(Level.FINE, "Admin login refused: every password check slot is busy");
      throw new RetryLaterException(
          ProblemCode.SERVICE_UNAVAILABLE,
          "Admin logins are being checked already; try again in a moment",
          Duration.ofSeconds(1));
    }
  }

  /** Gives a hashing slot back. */
  public void releaseHashing() {
    hashing.release();
  }

  /** Records a failed attempt. */
  public void failed(String addressKey, boolean configuredUser) {
    byAddress.failed(addressKey);
    if (configuredUser) {
      byUser.failed(AdminConfig.ADMIN_USER);
    }
  }

  /** Clears the backoff of a successful login. */
  public void succeeded(String addressKey) {
    byAddress.succeeded(addressKey);
    byUser.succeeded(AdminConfig.ADMIN_USER);
  }
}
