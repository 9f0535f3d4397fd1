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
import javax.sql.DataSource;
import org.openpleb.ee.idempotency.Idempotency;

/**
 * Test-only view of the stored idempotent answers, deployed only into the IT's archive: a row as
 * the database holds it, a row written as a version before sealing wrote it, and a cleanup run.
 */
@Path("test-support/answer-store")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnswerStoreProbe {

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

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

  /** Runs the cleanup that also seals plain-text answers. */
  @POST
  @Path("cleanup")
  public Map<String, Object> cleanup() {
    return Map.of("purged", idempotency.purgeExpired());
  }
}
