package org.openpleb.ee.web.offer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.openpleb.ee.wallet.QuoteLedger;
import org.openpleb.ee.wallet.QuoteSweep;

/**
 * Test-only controls of the quote ledger, deployed only into {@link LostQuoteIT}'s archive: make
 * the database refuse one wallet's deposit row or one offer's invoice (the failure right after the
 * mint was asked, as a crash leaves it, without killing the server), run sweeps at once, and show
 * the ledger's rows and a wallet's deposits as the database holds them.
 */
@Path("test-support/quote-ledger")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuoteLedgerProbe {

  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @EJB QuoteLedger ledger;

  /**
   * From now on the database refuses to store a deposit into wallet {@code walletId}, or the
   * invoice of offer {@code offerId}; answers the name of the rule, for {@link #allow}.
   */
  @POST
  @Path("refuse")
  public Map<String, Object> refuse(
      @QueryParam("walletId") String walletId, @QueryParam("offerId") String offerId)
      throws SQLException {
    String name = "it_refuse_" + System.nanoTime();
    String ddl =
        walletId != null
            ? "ALTER TABLE wallet_deposits ADD CONSTRAINT "
                + name
                + " CHECK (wallet_id <> '"
                + id(walletId)
                + "')"
            : "ALTER TABLE offers ADD CONSTRAINT "
                + name
                + " CHECK (id <> '"
                + id(offerId)
                + "' OR invoice IS NULL)";
    execute(ddl);
    return Map.of("constraint", name);
  }

  /** Lifts a rule {@link #refuse} made. */
  @POST
  @Path("allow")
  public Map<String, Object> allow(
      @QueryParam("constraint") String name, @QueryParam("table") String table)
      throws SQLException {
    if (!name.matches("it_refuse_[0-9]+") || !table.matches("wallet_deposits|offers")) {
      throw new IllegalArgumentException("not a rule of this probe");
    }
    execute("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
    return Map.of("dropped", name);
  }

  /** Runs {@code runs} quote sweeps at the same time; answers what they found, summed. */
  @POST
  @Path("sweeps")
  public Map<String, Object> sweeps(@QueryParam("runs") int runs) throws Exception {
    List<Callable<QuoteSweep>> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      all.add(ledger::unknownPaidQuotes);
    }
    int looked = 0;
    int adopted = 0;
    long adoptedSats = 0;
    for (Future<QuoteSweep> f : executor.invokeAll(all)) {
      QuoteSweep sweep = f.get();
      looked += sweep.looked();
      adopted += sweep.adopted();
      adoptedSats += sweep.adoptedSats();
    }
    return Map.of("looked", looked, "adopted", adopted, "adoptedSats", adoptedSats);
  }

  /**
   * The ledger rows of wallet {@code walletId}, oldest first, each with whether its stored quote
   * text shows the quote id any deposit of the wallet holds in plain.
   */
  @GET
  @Path("rows")
  public List<Map<String, Object>> rows(@QueryParam("walletId") String walletId)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT q.id, q.purpose, q.purpose_id, q.state, q.amount, q.invoice,"
                    + " q.deposit_id, q.quote_sealed, q.quote_ref,"
                    + " (SELECT COUNT(*) FROM wallet_deposits d WHERE d.wallet_id = q.wallet_id"
                    + " AND (POSITION(d.quote_id IN q.quote_sealed) > 0"
                    + " OR d.quote_id = q.quote_ref)) AS shown"
                    + " FROM mint_quotes q WHERE q.wallet_id = ? ORDER BY q.created_at")) {
      select.setString(1, id(walletId));
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("purpose", r.getString("purpose"));
          row.put("purposeId", r.getString("purpose_id"));
          row.put("state", r.getString("state"));
          row.put("amount", r.getLong("amount"));
          row.put("invoice", String.valueOf(r.getString("invoice")));
          row.put("depositId", String.valueOf(r.getString("deposit_id")));
          row.put("sealed", String.valueOf(r.getString("quote_sealed")).startsWith("sealed1:"));
          row.put("refLength", String.valueOf(r.getString("quote_ref")).length());
          row.put("quoteShown", r.getLong("shown") > 0);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The deposits into wallet {@code walletId} as stored, oldest first. */
  @GET
  @Path("deposits")
  public List<Map<String, Object>> deposits(@QueryParam("walletId") String walletId)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, state, amount, credited_amount, invoice FROM wallet_deposits"
                    + " WHERE wallet_id = ? ORDER BY created_at")) {
      select.setString(1, id(walletId));
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", r.getString("id"));
          row.put("state", r.getString("state"));
          row.put("amount", r.getLong("amount"));
          row.put("creditedAmount", r.getLong("credited_amount"));
          row.put("invoice", r.getString("invoice"));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String id(String text) {
    if (text == null || !ID.matcher(text).matches()) {
      throw new IllegalArgumentException("not an id");
    }
    return text;
  }
}
