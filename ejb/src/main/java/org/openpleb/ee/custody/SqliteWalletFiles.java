package org.openpleb.ee.custody;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;
import org.sqlite.SQLiteConfig;

/**
 * Reads a wallet's SQLite file for the reconciliation without going through its handle: a read-only
 * connection of its own (so no recovery runs, no mint is called and a missing file is never
 * created), one read transaction (WAL gives it a consistent snapshot while the wallet's handle
 * keeps working), closed before the next file is opened. Reads the tables the wallet core writes
 * ({@code operations}, {@code proofs}); it never writes them.
 */
final class SqliteWalletFiles {

  /** How long a read waits for a writer's lock, milliseconds (as the wallet core does). */
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteWalletFiles() {}

  /**
   * Reads one wallet file.
   *
   * @param sample receives every ready and reserved proof, in {@code Y} order
   * @param spentSince epoch milliseconds: spent proofs updated since are returned for a check
   * @param spentLimit the most spent proofs returned
   * @throws SQLException if the file cannot be read
   */
  static WalletFile read(
      String walletId, Path file, ProofSample sample, long spentSince, int spentLimit)
      throws SQLException {
    try (Connection c = open(file)) {
      c.setAutoCommit(false);
      try {
        return read(walletId, c, sample, spentSince, spentLimit);
      } finally {
        c.rollback();
      }
    }
  }

  /**
   * The states the file gives the proofs with these {@code Y}s now (a proof the file no longer has
   * is left out): the second look before a proof the mint disagrees about is flagged, so a proof
   * the wallet spent in the meantime is not.
   */
  static Map<String, String> states(Path file, Collection<String> ys) throws SQLException {
    Map<String, String> states = new HashMap<>();
    try (Connection c = open(file);
        PreparedStatement ps = c.prepareStatement("SELECT state FROM proofs WHERE y = ?")) {
      for (String y : ys) {
        ps.setString(1, y);
        try (ResultSet r = ps.executeQuery()) {
          if (r.next()) {
            states.put(y, r.getString(1));
          }
        }
      }
    }
    return states;
  }

  private static Connection open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  private static WalletFile read(
      String walletId, Connection c, ProofSample sample, long spentSince, int spentLimit)
      throws SQLException {
    List<Ledger.JournalLine> journal = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT kind, state, COALESCE(SUM(amount), 0), COALESCE(SUM(fee), 0)"
                    + " FROM operations WHERE state = 'done' GROUP BY kind, state")) {
      while (r.next()) {
        journal.add(
            new Ledger.JournalLine(
                kind(r.getString(1)), state(r.getString(2)), r.getLong(3), r.getLong(4), 0));
      }
    }
    journal.addAll(pendingSends(c));
    long ready = 0;
    long reserved = 0;
    long inflight = 0;
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT state, COALESCE(SUM(amount), 0) FROM proofs GROUP BY state")) {
      while (r.next()) {
        switch (r.getString(1)) {
          case "ready" -> ready = r.getLong(2);
          case "reserved" -> reserved = r.getLong(2);
          case "inflight" -> inflight = r.getLong(2);
          default -> {
            // spent proofs are history
          }
        }
      }
    }
    long restored =
        single(c, "SELECT COALESCE(SUM(amount), 0) FROM proofs WHERE created_by_op IS NULL");
    Map<String, Long> byOwner = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT owner, SUM(amount) FROM proofs WHERE state = 'reserved' GROUP BY owner")) {
      while (r.next()) {
        byOwner.put(r.getString(1), r.getLong(2));
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT y, amount, state, owner, created_by_op FROM proofs"
                    + " WHERE state IN ('ready', 'reserved') ORDER BY y")) {
      while (r.next()) {
        sample.offer(
            new SampledProof(
                walletId,
                r.getString(1),
                r.getLong(2),
                r.getString(3),
                r.getString(4),
                r.getString(5)));
      }
    }
    List<SampledProof> spent = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT y, amount, used_by_op FROM proofs WHERE state = 'spent' AND updated_at >= ?"
                + " ORDER BY updated_at DESC LIMIT ?")) {
      ps.setLong(1, spentSince);
      ps.setInt(2, spentLimit);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          spent.add(
              new SampledProof(
                  walletId, r.getString(1), r.getLong(2), "spent", null, r.getString(3)));
        }
      }
    }
    Ledger ledger = Ledger.of(journal, restored, ready, reserved, inflight);
    return new WalletFile(ledger, byOwner, spent);
  }

  /**
   * One line per pending send: its fee, and the sats of its token already redeemed. A token's
   * proofs are those the send holds ({@code used_by_op}); when the send swapped first, the inputs
   * it spent are held by it too, and its token's proofs are the ones it also created.
   */
  private static List<Ledger.JournalLine> pendingSends(Connection c) throws SQLException {
    List<Ledger.JournalLine> lines = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT o.id, o.amount, o.fee, (SELECT COALESCE(SUM(p.amount), 0) FROM proofs p"
                + " WHERE p.state = 'spent' AND p.used_by_op = o.id AND (p.created_by_op = o.id"
                + " OR NOT EXISTS (SELECT 1 FROM proofs q WHERE q.created_by_op = o.id)))"
                + " FROM operations o WHERE o.kind = 'send' AND o.state = 'pending'")) {
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          lines.add(
              new Ledger.JournalLine(
                  OperationKind.SEND,
                  OperationState.PENDING,
                  r.getLong(2),
                  r.getLong(3),
                  r.getLong(4)));
        }
      }
    }
    return lines;
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private static OperationKind kind(String column) {
    return OperationKind.valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }

  private static OperationState state(String column) {
    return OperationState.valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }
}
