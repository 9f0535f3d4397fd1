package org.openpleb.cashu.store;

import java.sql.ResultSet;

/**
 * The tables of a wallet file and their versions: a new file gets the current schema, an older one
 * is brought up to it, and a newer one is refused rather than misread.
 */
final class SqliteSchema {

  private SqliteSchema() {}

  /** Brings the file's schema up to {@link SqliteWalletStore#SCHEMA_VERSION} in one transaction. */
  static void migrate(SqliteFile db) {
    db.writeVoid(
        () -> {
          int version = userVersion(db);
          if (version > SqliteWalletStore.SCHEMA_VERSION) {
            throw new WalletStoreException(
                "Wallet file has schema version " + version + ", newer than this software");
          }
          if (version < 1) {
            createSchemaV1(db);
          }
        });
  }

  private static int userVersion(SqliteFile db) {
    return db.statement(
        "Cannot read schema version",
        s -> {
          try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  private static void createSchemaV1(SqliteFile db) {
    String[] ddl = {
      "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
      "CREATE TABLE keysets (id TEXT PRIMARY KEY, unit TEXT NOT NULL, active INTEGER NOT NULL,"
          + " input_fee_ppk INTEGER NOT NULL, final_expiry INTEGER, keys_json TEXT NOT NULL,"
          + " updated_at INTEGER NOT NULL)",
      "CREATE TABLE counters (keyset_id TEXT PRIMARY KEY, next INTEGER NOT NULL CHECK (next >= 0))",
      "CREATE TABLE proofs (secret TEXT PRIMARY KEY, y TEXT NOT NULL UNIQUE,"
          + " keyset_id TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),"
          + " c TEXT NOT NULL, dleq_e TEXT, dleq_s TEXT, r TEXT, witness TEXT,"
          + " state TEXT NOT NULL CHECK (state IN ('ready','reserved','inflight','spent')),"
          + " owner TEXT, used_by_op TEXT, created_by_op TEXT,"
          + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
          + " CHECK (state <> 'reserved' OR owner IS NOT NULL))",
      "CREATE INDEX proofs_state ON proofs (state)",
      "CREATE INDEX proofs_owner ON proofs (owner)",
      "CREATE INDEX proofs_used_by ON proofs (used_by_op)",
      "CREATE TABLE mint_quotes (quote TEXT PRIMARY KEY, request TEXT NOT NULL,"
          + " amount INTEGER NOT NULL, unit TEXT NOT NULL,"
          + " state TEXT NOT NULL CHECK (state IN ('UNPAID','PAID','ISSUED')),"
          + " expiry INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
      "CREATE TABLE melt_quotes (quote TEXT PRIMARY KEY, request TEXT NOT NULL,"
          + " amount INTEGER NOT NULL, fee_reserve INTEGER NOT NULL, unit TEXT NOT NULL,"
          + " state TEXT NOT NULL CHECK (state IN ('UNPAID','PENDING','PAID')),"
          + " expiry INTEGER, payment_preimage TEXT,"
          + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
      "CREATE TABLE operations (id TEXT PRIMARY KEY,"
          + " kind TEXT NOT NULL CHECK (kind IN"
          + " ('mint','send','receive','melt','reserve','reclaim')),"
          + " state TEXT NOT NULL CHECK (state IN ('executing','pending','done','failed')),"
          + " quote TEXT, payload_json TEXT NOT NULL, amount INTEGER NOT NULL DEFAULT 0,"
          + " fee INTEGER NOT NULL DEFAULT 0, error TEXT,"
          + " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
      "CREATE INDEX operations_state ON operations (state)",
      "CREATE INDEX operations_quote ON operations (quote)",
      "PRAGMA user_version = 1"
    };
    db.statement(
        "Cannot create wallet schema",
        s -> {
          for (String sql : ddl) {
            s.execute(sql);
          }
          return null;
        });
    db.update(
        "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        ps -> {
          ps.setString(1, "schema_version");
          ps.setString(2, "1");
        });
  }
}
