package org.openpleb.ee.web.session;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.sql.DataSource;
import org.openpleb.ee.capacity.AdjustableMemoryProbe;
import org.openpleb.ee.capacity.CapacityMonitor;
import org.openpleb.ee.capacity.CapacityStatus;
import org.openpleb.ee.session.SessionSweeper;

/**
 * Test-only controls, deployed only into the session ITs' archives (never into ROOT.war): they let
 * a client-side test drive the capacity level, run the sweeper, move stored times and look at rows
 * the API never shows.
 */
@Path("test-support")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionTestSupport {

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  @Inject AdjustableMemoryProbe probe;

  @Inject CapacityMonitor monitor;

  @EJB SessionSweeper sweeper;

  @Inject SessionClosedRecorder recorder;

  /** Closes every live session (so a test starts from zero) and returns the level to NORMAL. */
  @POST
  @Path("reset")
  public Map<String, Object> reset() throws SQLException {
    int closed =
        update(
            "UPDATE sessions SET state = 'CLOSED', close_reason = 'LOGGED_OUT', closed_at = ?"
                + " WHERE state = 'LIVE'",
            OffsetDateTime.now(ZoneOffset.UTC));
    probe.setRatio(0);
    CapacityStatus status = monitor.check();
    return Map.of("closed", closed, "level", status.level().name());
  }

  /** Sets the memory ratio, runs one capacity check and returns the level and its log lines. */
  @POST
  @Path("capacity")
  public Map<String, Object> capacity(@QueryParam("ratio") double ratio) {
    probe.setRatio(ratio);
    Logger logger = Logger.getLogger(CapacityMonitor.class.getName());
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          private final SimpleFormatter formatter = new SimpleFormatter();

          @Override
          public void publish(LogRecord record) {
            lines.add(record.getLevel().getName() + " " + formatter.formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
    CapacityStatus status;
    try {
      status = monitor.check();
    } finally {
      logger.removeHandler(capture);
    }
    return Map.of("level", status.level().name(), "log", lines);
  }

  /** Runs the expiry sweep now. */
  @POST
  @Path("sweep")
  public Map<String, Object> sweep() {
    SessionSweeper.SweepResult result = sweeper.closeExpired();
    return Map.of("closed", result.closed(), "failed", result.failed());
  }

  /** The SessionClosed events observed so far. */
  @GET
  @Path("closed-events")
  public List<Map<String, Object>> closedEvents() {
    return recorder.events();
  }

  /** Moves a challenge's expiry into the past. */
  @POST
  @Path("expire-challenge")
  public Map<String, Object> expireChallenge(@QueryParam("challenge") String challenge)
      throws SQLException {
    int rows =
        update(
            "UPDATE session_challenges SET expires_at = ?, created_at = ? WHERE challenge = ?",
            OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
            OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5),
            challenge);
    return Map.of("updated", rows);
  }

  /** Makes a session look idle for {@code seconds}. */
  @POST
  @Path("idle")
  public Map<String, Object> idle(@QueryParam("id") String id, @QueryParam("seconds") long seconds)
      throws SQLException {
    int rows =
        update(
            "UPDATE sessions SET last_seen_at = ? WHERE id = ?",
            OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(seconds),
            id);
    return Map.of("updated", rows);
  }

  /**
   * Makes a session look opened {@code seconds} plus a minute ago, used once after login and idle
   * for {@code seconds} since.
   */
  @POST
  @Path("used-idle")
  public Map<String, Object> usedIdle(
      @QueryParam("id") String id, @QueryParam("seconds") long seconds) throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE sessions SET created_at = ?, last_seen_at = ? WHERE id = ?")) {
      update.setObject(1, now.minusSeconds(seconds + 60));
      update.setObject(2, now.minusSeconds(seconds));
      update.setString(3, id);
      return Map.of("updated", update.executeUpdate());
    }
  }

  /** A session row as stored (every column as text). */
  @GET
  @Path("session")
  public Map<String, Object> session(@QueryParam("id") String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT * FROM sessions WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (row.next()) {
          ResultSetMetaData meta = row.getMetaData();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String value = row.getString(i);
            columns.put(meta.getColumnName(i).toLowerCase(), value == null ? "" : value);
          }
        }
        return columns;
      }
    }
  }

  /**
   * Where {@code value} occurs in the session tables: in how many cells of any column, and how many
   * rows hold {@code hash} as their token hash.
   */
  @GET
  @Path("stored")
  public Map<String, Object> stored(
      @QueryParam("value") String value, @QueryParam("hash") String hash) throws SQLException {
    Map<String, Object> found = new LinkedHashMap<>();
    for (String table : List.of("sessions", "admin_sessions")) {
      int cells = 0;
      int hashes = 0;
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData meta = rows.getMetaData();
        while (rows.next()) {
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String cell = rows.getString(i);
            if (cell != null && cell.contains(value)) {
              cells++;
            }
            if (cell != null
                && meta.getColumnName(i).equalsIgnoreCase("token_hash")
                && cell.equals(hash)) {
              hashes++;
            }
          }
        }
      }
      found.put(table + "Cells", cells);
      found.put(table + "Hashes", hashes);
    }
    return found;
  }

  private int update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }
}
