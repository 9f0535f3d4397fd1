package org.openpleb.ee.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * This server's cap on login challenges: at most {@code SESSION_CHALLENGE_LIMIT} within one {@code
 * SESSION_CHALLENGE_TTL}, so a flood from many addresses cannot grow the challenge table without
 * bound; the sweeper deletes expired rows.
 */
@ApplicationScoped
public class ChallengeIssuance {

  @Inject SessionConfig config;

  private ChallengeWindow window;

  @PostConstruct
  void create() {
    window = new ChallengeWindow(config.challengeTtl(), config.challengeLimit());
  }

  /** Counts one challenge; empty when it may be issued, else the wait until there is room. */
  public Optional<Duration> tryIssue(long epochSecond) {
    return window.tryIssue(epochSecond);
  }
}
