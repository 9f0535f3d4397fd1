package org.openpleb.cashu.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpleb.cashu.model.Keyset;

/** The keysets and NUT-13 counters of a wallet file: a counter value is handed out once only. */
final class SqliteKeysets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> KEYS_TYPE =
      new TypeReference<>() {};

  private final SqliteFile db;

  SqliteKeysets(SqliteFile db) {
    this.db = db;
  }

  /** Inserts or refreshes a keyset; keys already stored are kept when {@code k} has none. */
  void saveKeyset(Keyset k) {
    String keysJson = k.keys().isEmpty() ? null : keysToJson(k.keys());
    db.update(
        "INSERT INTO keysets (id, unit, active, input_fee_ppk, final_expiry, keys_json,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, '{}'), ?)"
            + " ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, active = excluded.active,"
            + " input_fee_ppk = excluded.input_fee_ppk, final_expiry = excluded.final_expiry,"
            + " keys_json = CASE WHEN ? IS NULL THEN keysets.keys_json ELSE excluded.keys_json"
            + " END, updated_at = excluded.updated_at",
        ps -> {
          ps.setString(1, k.id());
          ps.setString(2, k.unit());
          ps.setInt(3, k.active() ? 1 : 0);
          ps.setLong(4, k.inputFeePpk());
          SqliteFile.setLong(ps, 5, k.finalExpiry());
          ps.setString(6, keysJson);
          ps.setLong(7, db.now());
          ps.setString(8, keysJson);
        });
  }

  List<Keyset> keysets() {
    return db.query("SELECT * FROM keysets ORDER BY id", ps -> {}, SqliteKeysets::keysetRow);
  }

  Optional<Keyset> keyset(String id) {
    return db
        .query(
            "SELECT * FROM keysets WHERE id = ?",
            ps -> ps.setString(1, id),
            SqliteKeysets::keysetRow)
        .stream()
        .findFirst();
  }

  private static Keyset keysetRow(ResultSet rs) throws SQLException {
    return new Keyset(
        rs.getString("id"),
        rs.getString("unit"),
        rs.getInt("active") != 0,
        rs.getLong("input_fee_ppk"),
        SqliteFile.getLong(rs, "final_expiry"),
        keysFromJson(rs.getString("keys_json")));
  }

  private static String keysToJson(SortedMap<BigInteger, String> keys) {
    Map<String, String> m = new LinkedHashMap<>();
    keys.forEach((amount, key) -> m.put(amount.toString(), key));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SortedMap<BigInteger, String> keysFromJson(String json) throws SQLException {
    SortedMap<BigInteger, String> keys = new TreeMap<>();
    try {
      JSON.readValue(json, KEYS_TYPE).forEach((a, k) -> keys.put(new BigInteger(a), k));
    } catch (JsonProcessingException | NumberFormatException e) {
      throw new SQLException("Corrupt keyset keys", e);
    }
    return keys;
  }

  // counters (NUT-13): a counter value is handed out once and never again.

  /** The next unused counter of a keyset. */
  long counter(String keysetId) {
    return db
        .query(
            "SELECT next FROM counters WHERE keyset_id = ?",
            ps -> ps.setString(1, keysetId),
            rs -> rs.getLong(1))
        .stream()
        .findFirst()
        .orElse(0L);
  }

  /** Takes {@code n} consecutive counters of a keyset and returns the first. */
  long takeCounters(String keysetId, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative counter count");
    }
    return db.write(
        () -> {
          long first = counter(keysetId);
          setCounter(keysetId, first + n);
          return first;
        });
  }

  /** Moves a keyset's counter forward to {@code next} (never backwards). */
  void raiseCounter(String keysetId, long next) {
    db.writeVoid(
        () -> {
          if (next > counter(keysetId)) {
            setCounter(keysetId, next);
          }
        });
  }

  private void setCounter(String keysetId, long next) {
    db.update(
        "INSERT INTO counters (keyset_id, next) VALUES (?, ?)"
            + " ON CONFLICT (keyset_id) DO UPDATE SET next = excluded.next",
        ps -> {
          ps.setString(1, keysetId);
          ps.setLong(2, next);
        });
  }
}
