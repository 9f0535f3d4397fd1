package org.openpleb.cashu.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.openpleb.cashu.mint.MeltQuoteState;
import org.openpleb.cashu.mint.MintQuoteState;

/** The operation journal and the mint and melt quotes of a wallet file. */
final class SqliteJournal {

  private final SqliteFile db;

  SqliteJournal(SqliteFile db) {
    this.db = db;
  }

  void insertOperation(OperationRecord op) {
    db.update(
        "INSERT INTO operations (id, kind, state, quote, payload_json, amount, fee, error,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          long now = db.now();
          ps.setString(1, op.id());
          ps.setString(2, op.kind().column());
          ps.setString(3, op.state().column());
          ps.setString(4, op.quote());
          ps.setString(5, op.payloadJson());
          ps.setLong(6, op.amount());
          ps.setLong(7, op.fee());
          ps.setString(8, op.error());
          ps.setLong(9, now);
          ps.setLong(10, now);
        });
  }

  /**
   * Moves an operation to a new state, optionally replacing its payload, amount and fee.
   *
   * @param payloadJson the new payload, or {@code null} to keep it
   */
  void updateOperation(
      String id, OperationState state, String payloadJson, long amount, long fee, String error) {
    int n =
        db.update(
            "UPDATE operations SET state = ?, payload_json = COALESCE(?, payload_json),"
                + " amount = ?, fee = ?, error = ?, updated_at = ? WHERE id = ?",
            ps -> {
              ps.setString(1, state.column());
              ps.setString(2, payloadJson);
              ps.setLong(3, amount);
              ps.setLong(4, fee);
              ps.setString(5, error);
              ps.setLong(6, db.now());
              ps.setString(7, id);
            });
    if (n != 1) {
      throw new WalletStoreException("Unknown operation " + id);
    }
  }

  Optional<OperationRecord> operation(String id) {
    return db
        .query(
            "SELECT * FROM operations WHERE id = ?",
            ps -> ps.setString(1, id),
            SqliteJournal::operationRow)
        .stream()
        .findFirst();
  }

  /** Operations in the given states, oldest first. */
  List<OperationRecord> operations(OperationState... states) {
    return db.query(
        "SELECT * FROM operations WHERE state IN ("
            + SqliteFile.placeholders(states.length)
            + ") ORDER BY created_at, id",
        ps -> {
          for (int i = 0; i < states.length; i++) {
            ps.setString(i + 1, states[i].column());
          }
        },
        SqliteJournal::operationRow);
  }

  /** The operations working on a quote, oldest first. */
  List<OperationRecord> operationsForQuote(String quote) {
    return db.query(
        "SELECT * FROM operations WHERE quote = ? ORDER BY created_at, id",
        ps -> ps.setString(1, quote),
        SqliteJournal::operationRow);
  }

  /** The latest operations, newest first. */
  List<OperationRecord> recentOperations(int limit) {
    return db.query(
        "SELECT * FROM operations ORDER BY created_at DESC, id DESC LIMIT ?",
        ps -> ps.setInt(1, limit),
        SqliteJournal::operationRow);
  }

  private static OperationRecord operationRow(ResultSet rs) throws SQLException {
    return new OperationRecord(
        rs.getString("id"),
        OperationKind.ofColumn(rs.getString("kind")),
        OperationState.ofColumn(rs.getString("state")),
        rs.getString("quote"),
        rs.getString("payload_json"),
        rs.getLong("amount"),
        rs.getLong("fee"),
        rs.getString("error"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }

  // quotes

  void saveMintQuote(StoredMintQuote q) {
    db.update(
        "INSERT INTO mint_quotes (quote, request, amount, unit, state, expiry, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (quote) DO UPDATE SET"
            + " state = excluded.state, expiry = excluded.expiry, updated_at = excluded.updated_at",
        ps -> {
          long now = db.now();
          ps.setString(1, q.quote());
          ps.setString(2, q.request());
          ps.setLong(3, q.amount());
          ps.setString(4, q.unit());
          ps.setString(5, q.state().name());
          SqliteFile.setLong(ps, 6, q.expiry());
          ps.setLong(7, now);
          ps.setLong(8, now);
        });
  }

  Optional<StoredMintQuote> mintQuote(String quote) {
    return db
        .query(
            "SELECT * FROM mint_quotes WHERE quote = ?",
            ps -> ps.setString(1, quote),
            rs ->
                new StoredMintQuote(
                    rs.getString("quote"),
                    rs.getString("request"),
                    rs.getLong("amount"),
                    rs.getString("unit"),
                    MintQuoteState.valueOf(rs.getString("state")),
                    SqliteFile.getLong(rs, "expiry"),
                    rs.getLong("updated_at")))
        .stream()
        .findFirst();
  }

  void saveMeltQuote(StoredMeltQuote q) {
    db.update(
        "INSERT INTO melt_quotes (quote, request, amount, fee_reserve, unit, state, expiry,"
            + " payment_preimage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (quote) DO UPDATE SET state = excluded.state,"
            + " expiry = excluded.expiry,"
            + " payment_preimage = COALESCE(excluded.payment_preimage, melt_quotes.payment_preimage),"
            + " updated_at = excluded.updated_at",
        ps -> {
          long now = db.now();
          ps.setString(1, q.quote());
          ps.setString(2, q.request());
          ps.setLong(3, q.amount());
          ps.setLong(4, q.feeReserve());
          ps.setString(5, q.unit());
          ps.setString(6, q.state().name());
          SqliteFile.setLong(ps, 7, q.expiry());
          ps.setString(8, q.paymentPreimage());
          ps.setLong(9, now);
          ps.setLong(10, now);
        });
  }

  Optional<StoredMeltQuote> meltQuote(String quote) {
    return db
        .query(
            "SELECT * FROM melt_quotes WHERE quote = ?",
            ps -> ps.setString(1, quote),
            rs ->
                new StoredMeltQuote(
                    rs.getString("quote"),
                    rs.getString("request"),
                    rs.getLong("amount"),
                    rs.getLong("fee_reserve"),
                    rs.getString("unit"),
                    MeltQuoteState.valueOf(rs.getString("state")),
                    SqliteFile.getLong(rs, "expiry"),
                    rs.getString("payment_preimage"),
                    rs.getLong("updated_at")))
        .stream()
        .findFirst();
  }
}
