package org.openpleb.ee.web.wallet;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.openpleb.ee.idempotency.Idempotency;

/**
 * Test-only view of the stored idempotent answers, deployed only into the IT's archive: a row as
 * the database holds it, a row written as a version before sealing wrote it, a cleanup run, and
 * rows as a server killed mid-request leaves them (orphaned).
 */
@Path("test-support/answer-store")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnswerStoreProbe {

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  /** The claimant of rows made to look left behind by a server that died. */
  static final String DEAD_BOOT = "00000000-0000-0000-0000-00000000dead";

  @EJB Idempotency idempotency;

  /** The stored row of a request: its status, media type and body exactly as stored. */
  @GET
  public Map<String, Object> row(
      @QueryParam("pubkey") String pubkey,
      @QueryParam("endpoint") String endpoint,
      @QueryParam("key") String key)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT state, response_status, response_type, response_body"
                    + " FROM idempotency_records"
                    + " WHERE pubkey = ? AND endpoint = ? AND idempotency_key = ?")) {
      select.setString(1, pubkey);
      select.setString(2, endpoint);
      select.setString(3, key);
      try (ResultSet row = select.executeQuery()) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (row.next()) {
          columns.put("state", row.getString(1));
          columns.put("status", row.getInt(2));
          columns.put("type", row.getString(3));
          columns.put("body", row.getString(4));
        }
        return columns;
      }
    }
  }

  /** Writes a finished request with a plain-text answer, as versions before sealing stored it. */
  @POST
  @Path("plain")
  public Map<String, Object> plain(
      @QueryParam("pubkey") String pubkey,
      @QueryParam("endpoint") String endpoint,
      @QueryParam("key") String key,
      @QueryParam("fingerprint") String fingerprint,
      String body)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO idempotency_records (pubkey, endpoint, idempotency_key, fingerprint,"
                    + " state, response_status, response_type, response_body, created_at,"
                    + " completed_at) VALUES (?, ?, ?, ?, 'DONE', 200, 'application/json', ?, ?, ?)")) {
      insert.setString(1, pubkey);
      insert.setString(2, endpoint);
      insert.setString(3, key);
      insert.setString(4, fingerprint);
      insert.setString(5, body);
      insert.setObject(6, now);
      insert.setObject(7, now);
      return Map.of("inserted", insert.executeUpdate());
    }
  }

  /**
   * Turns a finished request back into what a server killed between the work and the storing of its
   * answer leaves: IN_PROGRESS, no answer, claimed by a boot that no longer runs.
   */
  @POST
  @Path("orphan")
  public Map<String, Object> orphan(
      @QueryParam("pubkey") String pubkey,
      @QueryParam("endpoint") String endpoint,
      @QueryParam("key") String key)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotency_records SET state = 'IN_PROGRESS', response_status = NULL,"
                    + " response_type = NULL, response_body = NULL, completed_at = NULL,"
                    + " claimed_by = ? WHERE pubkey = ? AND endpoint = ? AND idempotency_key = ?")) {
      update.setString(1, DEAD_BOOT);
      update.setString(2, pubkey);
      update.setString(3, endpoint);
      update.setString(4, key);
      return Map.of("orphaned", update.executeUpdate());
    }
  }

  /**
   * Writes what a server killed right after claiming a request leaves: IN_PROGRESS under a request
   * id nothing ran under, claimed by a boot that no longer runs.
   */
  @POST
  @Path("orphan-unstarted")
  public Map<String, Object> orphanUnstarted(
      @QueryParam("pubkey") String pubkey,
      @QueryParam("endpoint") String endpoint,
      @QueryParam("key") String key,
      @QueryParam("fingerprint") String fingerprint)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO idempotency_records (pubkey, endpoint, idempotency_key, fingerprint,"
                    + " state, created_at, claimed_by, claimed_at, claims, request_id)"
                    + " VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, 1, ?)")) {
      insert.setString(1, pubkey);
      insert.setString(2, endpoint);
      insert.setString(3, key);
      insert.setString(4, fingerprint);
      insert.setObject(5, now);
      insert.setString(6, DEAD_BOOT);
      insert.setObject(7, now);
      insert.setString(8, UUID.randomUUID().toString());
      return Map.of("inserted", insert.executeUpdate());
    }
  }

  /** Runs the cleanup that also seals plain-text answers. */
  @POST
  @Path("cleanup")
  public Map<String, Object> cleanup() {
    return Map.of("purged", idempotency.purgeExpired());
  }
}
