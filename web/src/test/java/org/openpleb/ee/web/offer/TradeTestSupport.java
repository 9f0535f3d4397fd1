package org.openpleb.ee.web.offer;

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
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.offer.FundingWatcher;
import org.openpleb.ee.offer.OfferSweeper;
import org.openpleb.ee.treasury.Treasury;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Test-only controls of the trade ITs, deployed only into their archives (never into ROOT.war): the
 * secret quote id of an offer's invoice (so the client-side dev mint can pay it), a sweep or an
 * invoice watch run now, whether a wallet is open, rows the API never shows, and the raw books of
 * every wallet file for the conservation check.
 */
@Path("trade-support")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TradeTestSupport {

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  @EJB OfferSweeper sweeper;

  @EJB FundingWatcher watcher;

  @EJB WalletRegistry registry;

  @EJB Treasury treasury;

  @Inject
  @ConfigProperty(name = "WALLET_DIR")
  String walletDir;

  /** The quote id behind an offer's invoice. */
  @GET
  @Path("quote")
  public Map<String, Object> quote(@QueryParam("offer") String offerId) throws SQLException {
    return Map.of("quoteId", single("SELECT quote_id FROM offers WHERE id = ?", offerId));
  }

  /** The quote id behind a wallet deposit's invoice. */
  @GET
  @Path("deposit-quote")
  public Map<String, Object> depositQuote(@QueryParam("deposit") String depositId)
      throws SQLException {
    return Map.of(
        "quoteId", single("SELECT quote_id FROM wallet_deposits WHERE id = ?", depositId));
  }

  /** Runs one sweep now. */
  @POST
  @Path("sweep")
  public OfferSweeper.SweepReport sweep() {
    return sweeper.sweep();
  }

  /** Looks at every due invoice now. */
  @POST
  @Path("watch")
  public Map<String, Object> watch() {
    return Map.of("looked", watcher.watch());
  }

  /** Whether a wallet is open and whether its file exists. */
  @GET
  @Path("wallet")
  public Map<String, Object> wallet(@QueryParam("id") String walletId) {
    return Map.of("open", registry.isOpen(walletId), "file", registry.hasFile(walletId));
  }

  /** The treasury's wallet id. */
  @GET
  @Path("treasury")
  public Map<String, Object> treasury() {
    return Map.of("walletId", treasury.walletId());
  }

  /** An offer's row as stored, every column as text (the quote id left out). */
  @GET
  @Path("offer")
  public Map<String, Object> offer(@QueryParam("id") String offerId) throws SQLException {
    return row("SELECT * FROM offers WHERE id = ?", offerId);
  }

  /** The steps of an offer's settlement. */
  @GET
  @Path("steps")
  public List<Map<String, Object>> steps(@QueryParam("offer") String offerId) throws SQLException {
    return rows(
        "SELECT seq, kind, from_party, to_party, amount, state, sent_amount, received_amount,"
            + " send_fee, receive_fee, CASE WHEN token IS NULL THEN 0 ELSE 1 END AS has_token"
            + " FROM settlement_steps WHERE offer_id = ? ORDER BY seq",
        offerId);
  }

  /** How many offers' audit logs hold an entry of {@code action} once, and more than once. */
  @GET
  @Path("action-counts")
  public Map<String, Object> actionCounts(@QueryParam("action") String action) throws SQLException {
    List<Map<String, Object>> counts =
        rows("SELECT COUNT(*) AS n FROM offer_audit WHERE action = ? GROUP BY offer_id", action);
    long once = counts.stream().filter(c -> "1".equals(c.get("n"))).count();
    return Map.of("offers", counts.size(), "once", once, "more", counts.size() - once);
  }

  /**
   * The offers of the makers {@code makers} (comma-separated pubkeys): how many are in each state,
   * how many settlements in each state, and for the audit actions EXPIRE and SETTLED how many
   * offers hold them once and how many more than once.
   */
  @GET
  @Path("tally")
  public Map<String, Object> tally(@QueryParam("makers") String makers) throws SQLException {
    String[] keys = makers.split(",");
    String in = String.join(", ", java.util.Collections.nCopies(keys.length, "?"));
    Map<String, Object> tally = new LinkedHashMap<>();
    for (Map<String, Object> r :
        rows(
            "SELECT status, COUNT(*) AS n FROM offers WHERE maker_pubkey IN ("
                + in
                + ")"
                + " GROUP BY status",
            keys)) {
      tally.put("offer." + r.get("status"), Long.parseLong((String) r.get("n")));
    }
    for (Map<String, Object> r :
        rows(
            "SELECT s.state, COUNT(*) AS n FROM settlements s JOIN offers o ON o.id = s.offer_id"
                + " WHERE o.maker_pubkey IN ("
                + in
                + ") GROUP BY s.state",
            keys)) {
      tally.put("settlement." + r.get("state"), Long.parseLong((String) r.get("n")));
    }
    for (Map<String, Object> r :
        rows(
            "SELECT a.action, COUNT(*) AS n FROM offer_audit a JOIN offers o ON o.id = a.offer_id"
                + " WHERE o.maker_pubkey IN ("
                + in
                + ") AND a.action IN ('EXPIRE', 'SETTLED')"
                + " GROUP BY a.offer_id, a.action",
            keys)) {
      String key = r.get("action") + ("1".equals(r.get("n")) ? ".once" : ".more");
      tally.merge(key, 1L, (a, b) -> (Long) a + (Long) b);
    }
    return tally;
  }

  /**
   * Moves the deadline of every funded offer of the makers {@code makers} to {@code at}, so a burst
   * of offers comes due together however long making them took.
   */
  @POST
  @Path("due")
  public Map<String, Object> due(@QueryParam("makers") String makers, @QueryParam("at") String at)
      throws SQLException {
    String[] keys = makers.split(",");
    String in = String.join(", ", java.util.Collections.nCopies(keys.length, "?"));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE offers SET expires_at = ? WHERE status = 'INVOICE_PAID'"
                    + " AND maker_pubkey IN ("
                    + in
                    + ")")) {
      update.setObject(1, java.time.OffsetDateTime.parse(at));
      for (int i = 0; i < keys.length; i++) {
        update.setString(i + 2, keys[i]);
      }
      return Map.of("updated", update.executeUpdate());
    }
  }

  /** Points an offer's escrow at another reservation owner; returns the one it had. */
  @POST
  @Path("escrow-owner")
  public Map<String, Object> escrowOwner(
      @QueryParam("offer") String offerId, @QueryParam("owner") String owner) throws SQLException {
    Object previous = single("SELECT escrow_owner FROM offers WHERE id = ?", offerId);
    update("UPDATE offers SET escrow_owner = ? WHERE id = ?", owner, offerId);
    return Map.of("previous", previous);
  }

  /** Points the steps of an offer's settlement that pay out of {@code from} at {@code to}. */
  @POST
  @Path("step-owner")
  public Map<String, Object> stepOwner(
      @QueryParam("offer") String offerId,
      @QueryParam("from") String from,
      @QueryParam("to") String to)
      throws SQLException {
    return Map.of(
        "updated",
        update(
            "UPDATE settlement_steps SET from_owner = ? WHERE offer_id = ? AND from_owner = ?",
            to,
            offerId,
            from));
  }

  /** An offer's settlement row. */
  @GET
  @Path("settlement")
  public Map<String, Object> settlement(@QueryParam("offer") String offerId) throws SQLException {
    return row("SELECT * FROM settlements WHERE offer_id = ?", offerId);
  }

  private int update(String sql, String... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }

  /** Offers by state, and settlements by state. */
  @GET
  @Path("states")
  public Map<String, Object> states() throws SQLException {
    Map<String, Object> states = new LinkedHashMap<>();
    for (Map<String, Object> r : rows("SELECT status, COUNT(*) AS n FROM offers GROUP BY status")) {
      states.put("offer." + r.get("status"), Long.parseLong((String) r.get("n")));
    }
    for (Map<String, Object> r :
        rows("SELECT state, COUNT(*) AS n FROM settlements GROUP BY state")) {
      states.put("settlement." + r.get("state"), Long.parseLong((String) r.get("n")));
    }
    return states;
  }

  /**
   * How many rows each table of the shared database holds that a request could add to or change,
   * with every session's and offer's state: two equal answers mean no request changed the books.
   */
  @GET
  @Path("counts")
  public Map<String, Object> counts() throws SQLException {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (String table :
        List.of(
            "sessions",
            "admin_sessions",
            "wallets",
            "wallet_deposits",
            "idempotency_records",
            "offers",
            "offer_audit",
            "offer_receipts",
            "settlements",
            "settlement_steps",
            "treasury_withdrawals")) {
      counts.put(table, rows("SELECT COUNT(*) AS n FROM " + table).get(0).get("n"));
    }
    for (Map<String, Object> r : rows("SELECT id, state FROM sessions ORDER BY id")) {
      counts.put("session." + r.get("id"), r.get("state"));
    }
    for (Map<String, Object> r : rows("SELECT id, status FROM offers ORDER BY id")) {
      counts.put("offer." + r.get("id"), r.get("status"));
    }
    return counts;
  }

  /**
   * The books of every wallet file of this deployment: sats by proof state, the Y of every proof
   * not spent, and the mint fees and minted sats of the journal.
   */
  @GET
  @Path("books")
  public List<Map<String, Object>> books() throws Exception {
    List<Map<String, Object>> books = new ArrayList<>();
    java.nio.file.Path dir = java.nio.file.Path.of(walletDir).toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      return books;
    }
    List<java.nio.file.Path> files;
    try (Stream<java.nio.file.Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".sqlite")).sorted().toList();
    }
    for (java.nio.file.Path file : files) {
      books.add(book(file));
    }
    return books;
  }

  private static Map<String, Object> book(java.nio.file.Path file) throws SQLException {
    Map<String, Object> book = new LinkedHashMap<>();
    String name = file.getFileName().toString();
    book.put("walletId", name.substring(0, name.length() - ".sqlite".length()));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      Map<String, Long> byState = new LinkedHashMap<>();
      try (ResultSet r = s.executeQuery("SELECT state, SUM(amount) FROM proofs GROUP BY state")) {
        while (r.next()) {
          byState.put(r.getString(1), r.getLong(2));
        }
      }
      book.put("proofs", byState);
      List<Map<String, Object>> live = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery("SELECT y, amount, state FROM proofs WHERE state <> 'spent'")) {
        while (r.next()) {
          live.add(Map.of("y", r.getString(1), "amount", r.getLong(2), "state", r.getString(3)));
        }
      }
      book.put("live", live);
      try (ResultSet r =
          s.executeQuery(
              "SELECT COALESCE(SUM(fee), 0) FROM operations WHERE state IN ('done', 'pending')")) {
        book.put("fees", r.next() ? r.getLong(1) : 0);
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT COALESCE(SUM(amount), 0) FROM operations WHERE kind = 'mint'"
                  + " AND state = 'done'")) {
        book.put("minted", r.next() ? r.getLong(1) : 0);
      }
      try (ResultSet r =
          s.executeQuery("SELECT COUNT(*) FROM operations WHERE state IN ('executing')")) {
        book.put("executing", r.next() ? r.getLong(1) : 0);
      }
    }
    return book;
  }

  private Object single(String sql, String parameter) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getString(1) != null ? row.getString(1) : "";
      }
    }
  }

  private Map<String, Object> row(String sql, String parameter) throws SQLException {
    List<Map<String, Object>> rows = rows(sql, parameter);
    Map<String, Object> row = rows.isEmpty() ? new LinkedHashMap<>() : rows.get(0);
    row.remove("quote_id");
    return row;
  }

  private List<Map<String, Object>> rows(String sql, String... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = select.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            String value = r.getString(i);
            row.put(r.getMetaData().getColumnLabel(i).toLowerCase(), value == null ? "" : value);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
