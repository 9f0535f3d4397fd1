package org.openpleb.ee.admission;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.ProblemCode;

/** The per-address rate limits of this server, one {@link RateLimiter} per {@link LimitName}. */
@ApplicationScoped
public class RateLimits {

  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

  @Inject AdmissionConfig config;

  private final Map<LimitName, RateLimiter> limiters = new EnumMap<>(LimitName.class);

  @PostConstruct
  void create() {
    for (LimitName name : LimitName.values()) {
      limiters.put(
          name, new RateLimiter(config.rateLimit(name), config.maxTracked(), System::nanoTime));
    }
  }

  /**
   * Takes one request of {@code name} for the client {@code limitKey}.
   *
   * @throws RetryLaterException {@code TOO_MANY_REQUESTS} with the wait until a request is allowed
   */
  public void acquire(LimitName name, String limitKey) {
    Optional<Duration> wait = limiters.get(name).tryAcquire(limitKey);
    if (wait.isPresent()) {
      LOG.log(Level.FINE, "Rate limit {0} refused a request", name);
      throw new RetryLaterException(
          ProblemCode.TOO_MANY_REQUESTS,
          "Too many requests of this kind from your address; retry after the given delay",
          wait.get());
    }
  }

  /** The limiter of {@code name}, for reports and tests. */
  public RateLimiter limiter(LimitName name) {
    return limiters.get(name);
  }
}
