package org.openpleb.ee.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.io.File;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.idempotency.Idempotency;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.idempotency.StoredAnswer;
import org.openpleb.ee.platform.DatabaseProbe;
import org.openpleb.ee.platform.DatabaseStatus;
import org.openpleb.ee.platform.PlatformEvent;
import org.openpleb.ee.platform.PlatformEventKind;
import org.openpleb.ee.platform.PlatformEventLog;
import org.openpleb.ee.platform.SchemaMigrator;
import org.openpleb.ee.session.SessionRepository;
import org.openpleb.ee.session.SessionState;
import org.openpleb.ee.session.UserSession;

/**
 * The deployed platform against the shared database it was configured with (PostgreSQL in CI):
 * Flyway's schema, session rows through JPA, and the event log. Runs inside Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
class SharedDatabaseIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")))
        .addClass(SharedDatabaseIT.class);
  }

  @EJB SessionRepository sessions;

  @EJB PlatformEventLog events;

  @EJB SchemaMigrator schema;

  @Inject Idempotency idempotency;

  @Inject DatabaseProbe probe;

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  @Test
  void theDatabaseIsTheOneTheEnvironmentConfigured() {
    DatabaseStatus status = probe.probe();

    assertTrue(status.reachable(), () -> "unreachable: " + status.failure());
    String product = status.product().orElseThrow();
    String url = Optional.ofNullable(System.getenv("DB_URL")).orElse("");
    if (url.startsWith("jdbc:postgresql:")) {
      assertTrue(product.startsWith("PostgreSQL"), product);
    } else {
      assertTrue(product.startsWith("H2"), product);
    }
  }

  /**
   * A token of up to WALLET_MAX_TOKEN_PROOFS proofs runs past 100,000 characters (a dormant
   * wallet's withdrawal made 110-120k): its answer is stored whole and replayed whole.
   */
  @Test
  void anAnswerLongerThanAnyTokenIsStoredAndReplayedWhole() {
    IdempotencyScope scope =
        new IdempotencyScope(randomHex(), "/api/wallet/withdrawals/token", randomHex());
    String body = "{\"token\":\"cashuB" + "a".repeat(150_000) + "\"}";
    assertEquals(Optional.empty(), idempotency.claim(scope, "fingerprint"));

    idempotency.complete(scope, new StoredAnswer(201, "application/json", body));

    StoredAnswer replayed = idempotency.claim(scope, "fingerprint").orElseThrow();
    assertEquals(201, replayed.status());
    assertEquals(body.length(), replayed.body().length());
    assertEquals(body, replayed.body());
  }

  @Test
  void theColumnsThatCarryATokenAreUnbounded() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT character_maximum_length FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?")) {
      for (String[] column :
          List.of(
              new String[] {"idempotency_records", "response_body"},
              new String[] {"settlement_steps", "token"})) {
        select.setString(1, column[0]);
        select.setString(2, column[1]);
        try (ResultSet row = select.executeQuery()) {
          assertTrue(row.next(), column[0] + "." + column[1]);
          long max = row.getLong(1);
          // PostgreSQL's text has no length; H2's is a billion characters
          assertTrue(row.wasNull() || max >= 1_000_000_000L, column[1] + " holds " + max);
        }
      }
    }
  }

  @Test
  void aSessionIsWrittenToTheDatabaseAndReadBack() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    long liveBefore = sessions.countLive(now);
    UserSession opened = UserSession.open(randomHex(), randomHex(), now, Duration.ofHours(1));

    sessions.add(opened);

    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT pubkey, token_hash, state, created_at, expires_at, closed_at"
                    + " FROM sessions WHERE id = ?")) {
      select.setString(1, opened.id());
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), "no row for session " + opened.id());
        assertEquals(opened.pubkey(), row.getString("pubkey"));
        assertEquals(opened.tokenHash(), row.getString("token_hash"));
        assertEquals("LIVE", row.getString("state"));
        assertTrue(now.isEqual(row.getObject("created_at", OffsetDateTime.class)));
        assertTrue(now.plusHours(1).isEqual(row.getObject("expires_at", OffsetDateTime.class)));
        assertEquals(null, row.getObject("closed_at"));
      }
    }
    UserSession found =
        sessions.findLiveByTokenHash(opened.tokenHash(), now.plusMinutes(1)).orElseThrow();
    assertEquals(opened.id(), found.id());
    assertEquals(SessionState.LIVE, found.state());
    assertTrue(now.plusHours(1).isEqual(found.expiresAt()));
    assertEquals(liveBefore + 1, sessions.countLive(now));
    assertEquals(
        Optional.empty(), sessions.findLiveByTokenHash(opened.tokenHash(), now.plusHours(2)));
  }

  @Test
  void twoSessionsCannotShareATokenHash() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String tokenHash = randomHex();
    sessions.add(UserSession.open(randomHex(), tokenHash, now, Duration.ofHours(1)));

    UserSession clash = UserSession.open(randomHex(), tokenHash, now, Duration.ofHours(1));

    assertThrows(EJBException.class, () -> sessions.add(clash));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement("SELECT COUNT(*) FROM sessions WHERE token_hash = ?")) {
      count.setString(1, tokenHash);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        assertEquals(1, row.getLong(1));
      }
    }
  }

  @Test
  void startupMigratedTheSchemaAndRecordedItselfInTheEventLog() throws SQLException {
    assertTrue(schema.status().isPresent(), "schema status missing");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement history =
            connection.prepareStatement(
                "SELECT success FROM flyway_schema_history WHERE version = '1'")) {
      try (ResultSet row = history.executeQuery()) {
        assertTrue(row.next(), "V1 not in flyway_schema_history");
        assertTrue(row.getBoolean(1), "V1 did not succeed");
      }
    }

    List<PlatformEvent> latest = events.latest(20);

    assertTrue(
        latest.stream()
            .anyMatch(
                e ->
                    e.kind() == PlatformEventKind.STARTED
                        && e.detail().startsWith("OpenPleb ")
                        && e.detail().contains(" started: currency ")),
        latest::toString);
  }

  @Test
  void anEventIsWrittenWithAGeneratedIdAndReadBackNewestFirst() {
    String marker = "IT marker " + randomHex();

    PlatformEvent written = events.record(PlatformEventKind.NOTE, marker);

    assertTrue(written.id() != null && written.id() > 0, () -> "id " + written.id());
    PlatformEvent newest = events.latest(1).get(0);
    assertEquals(written.id(), newest.id());
    assertEquals(marker, newest.detail());
    assertEquals(PlatformEventKind.NOTE, newest.kind());
  }

  private static String randomHex() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
