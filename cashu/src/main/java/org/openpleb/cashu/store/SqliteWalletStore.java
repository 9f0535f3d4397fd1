package org.openpleb.cashu.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.openpleb.cashu.mint.MeltQuoteState;
import org.openpleb.cashu.mint.MintQuoteState;
import org.openpleb.cashu.model.DleqProof;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.model.Proof;
import org.sqlite.JDBC;

/**
 * One wallet's SQLite file: WAL journal, full fsync, a busy timeout, owner-only permissions, a
 * versioned schema, and 1 KiB pages with a 16 KiB page cache (small files, little native memory per
 * open handle).
 *
 * <p>The store is the wallet's single writer. Every access runs under one {@link ReentrantLock};
 * {@link #write} opens a {@code BEGIN IMMEDIATE} transaction (nested calls join the outer one) so
 * that a crash leaves either all or none of a step's changes. Conditional updates ({@code … WHERE
 * state = 'ready' AND used_by_op IS NULL}) report how many rows they moved, so a caller can tell a
 * lost race from success.
 */
public final class SqliteWalletStore implements AutoCloseable {

  /** The schema this code writes; files with a newer version are refused. */
  public static final int SCHEMA_VERSION = 1;

  /** Page size of new wallet files, in bytes. */
  public static final int PAGE_SIZE = 1024;

  /** Page cache per open wallet, in KiB. */
  public static final int CACHE_KIB = 16;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> KEYS_TYPE =
      new TypeReference<>() {};

  private final Path file;
  private final Connection connection;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private int depth;
  private boolean closed;

  private SqliteWalletStore(Path file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (creating if needed) the wallet file and brings its schema up to date. */
  public static SqliteWalletStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /** As {@link #open(Path)}, with the clock used for timestamps. */
  public static SqliteWalletStore open(Path file, Clock clock) {
    Path absolute = file.toAbsolutePath();
    createOwnerOnly(absolute);
    Connection c;
    try {
      // The driver class directly, not DriverManager: inside an application server the JVM-wide
      // driver scan never sees a driver that ships in the application's own class loader.
      c = JDBC.createConnection(JDBC.PREFIX + absolute, new Properties());
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot open wallet file " + absolute.getFileName(), e);
    }
    SqliteWalletStore store = new SqliteWalletStore(absolute, c, clock);
    try {
      store.configure();
      store.migrate();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private static void createOwnerOnly(Path file) {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean posix =
          Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      if (!Files.exists(file)) {
        try {
          if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
          } else {
            Files.createFile(file);
          }
        } catch (FileAlreadyExistsException raced) {
          // Another opener created it first; permissions are fixed below either way.
        }
      }
      if (posix) {
        // SQLite gives the -wal and -shm files the permissions of the database file.
        Files.setPosixFilePermissions(file, ownerOnly);
      }
    } catch (IOException e) {
      throw new WalletStoreException("Cannot create wallet file " + file.getFileName(), e);
    }
  }

  private void configure() {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      // Before WAL mode writes the header, so it takes effect for a new file only (an existing
      // file keeps its page size). A wallet of a few dozen proofs spans some 60 pages of 1 KiB
      // (its twelve tables and indexes take at least one page each): about 60 KiB on disk
      // instead of 120 KiB with 4 KiB pages, and a page cache a quarter the size.
      s.execute("PRAGMA page_size = " + PAGE_SIZE);
      // Also new files only: pages freed by finished operations go back to the file system at
      // each commit instead of staying in the file as free pages.
      s.execute("PRAGMA auto_vacuum = FULL");
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
        if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
          throw new WalletStoreException("Wallet file does not support WAL mode");
        }
      }
      // Bearer ecash: a commit must survive a power cut, not only a process crash.
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA foreign_keys = ON");
      // Up to 200 handles stay open: SQLite's default page cache (2 MB, 20 pages allocated up
      // front) would be most of a handle's native memory. The wallet's pages stay in the
      // operating system's cache; a miss costs a read call, not a disk access.
      s.execute("PRAGMA cache_size = -" + CACHE_KIB);
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot configure wallet file", e);
    }
  }

  private void migrate() {
    write(
        () -> {
          int version = userVersion();
          if (version > SCHEMA_VERSION) {
            throw new WalletStoreException(
                "Wallet file has schema version " + version + ", newer than this software");
          }
          if (version < 1) {
            createSchemaV1();
          }
          return null;
        });
  }

  private int userVersion() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot read schema version", e);
    }
  }

  private void createSchemaV1() {
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
    try (Statement s = connection.createStatement()) {
      for (String sql : ddl) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot create wallet schema", e);
    }
    putMeta("schema_version", "1");
  }

  /** The wallet file. */
  public Path file() {
    return file;
  }

  /** The single-writer lock; held for the whole of {@link #write} and {@link #read}. */
  public ReentrantLock lock() {
    return lock;
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction under the wallet lock and commits
   * it; any exception or error rolls it back. Calls nested inside another {@code write} join it.
   */
  public <T> T write(Supplier<T> work) {
    lock.lock();
    try {
      ensureOpen();
      if (depth > 0) {
        depth++;
        try {
          return work.get();
        } finally {
          depth--;
        }
      }
      execute("BEGIN IMMEDIATE");
      depth = 1;
      boolean committed = false;
      try {
        T result = work.get();
        execute("COMMIT");
        committed = true;
        return result;
      } finally {
        depth = 0;
        if (!committed) {
          rollbackQuietly();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** As {@link #write(Supplier)} for work without a result. */
  public void writeVoid(Runnable work) {
    write(
        () -> {
          work.run();
          return null;
        });
  }

  /** Runs {@code work} under the wallet lock without opening a write transaction. */
  public <T> T read(Supplier<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new WalletStoreException("Wallet file is closed");
    }
  }

  private void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new WalletStoreException("Wallet transaction failed", e);
    }
  }

  private void rollbackQuietly() {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException alreadyEnded) {
      // Nothing to roll back: the transaction never began or SQLite ended it itself.
    }
  }

  /** Closes the file. Uncommitted work is lost, exactly as in a crash. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot close wallet file", e);
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    return closed;
  }

  private long now() {
    return clock.millis();
  }

  // Small JDBC runners: every statement goes through one of these, under the lock.

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private int update(String sql, Binder binder) {
    lock.lock();
    try {
      ensureOpen();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new WalletStoreException("Wallet update failed", e);
    } finally {
      lock.unlock();
    }
  }

  private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    lock.lock();
    try {
      ensureOpen();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(mapper.map(rs));
          }
          return rows;
        }
      }
    } catch (SQLException e) {
      throw new WalletStoreException("Wallet query failed", e);
    } finally {
      lock.unlock();
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, value);
    }
  }

  private static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  // meta

  public Optional<String> meta(String key) {
    return query(
            "SELECT v FROM meta WHERE k = ?", ps -> ps.setString(1, key), rs -> rs.getString(1))
        .stream()
        .findFirst();
  }

  public void putMeta(String key, String value) {
    update(
        "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
        ps -> {
          ps.setString(1, key);
          ps.setString(2, value);
        });
  }

  // keysets

  /** Inserts or refreshes a keyset; keys already stored are kept when {@code k} has none. */
  public void saveKeyset(Keyset k) {
    String keysJson = k.keys().isEmpty() ? null : keysToJson(k.keys());
    update(
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
          setLong(ps, 5, k.finalExpiry());
          ps.setString(6, keysJson);
          ps.setLong(7, now());
          ps.setString(8, keysJson);
        });
  }

  public List<Keyset> keysets() {
    return query("SELECT * FROM keysets ORDER BY id", ps -> {}, SqliteWalletStore::keysetRow);
  }

  public Optional<Keyset> keyset(String id) {
    return query(
            "SELECT * FROM keysets WHERE id = ?",
            ps -> ps.setString(1, id),
            SqliteWalletStore::keysetRow)
        .stream()
        .findFirst();
  }

  private static Keyset keysetRow(ResultSet rs) throws SQLException {
    return new Keyset(
        rs.getString("id"),
        rs.getString("unit"),
        rs.getInt("active") != 0,
        rs.getLong("input_fee_ppk"),
        getLong(rs, "final_expiry"),
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
  public long counter(String keysetId) {
    return query(
            "SELECT next FROM counters WHERE keyset_id = ?",
            ps -> ps.setString(1, keysetId),
            rs -> rs.getLong(1))
        .stream()
        .findFirst()
        .orElse(0L);
  }

  /** Takes {@code n} consecutive counters of a keyset and returns the first. */
  public long takeCounters(String keysetId, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative counter count");
    }
    return write(
        () -> {
          long first = counter(keysetId);
          setCounter(keysetId, first + n);
          return first;
        });
  }

  /** Moves a keyset's counter forward to {@code next} (never backwards). */
  public void raiseCounter(String keysetId, long next) {
    writeVoid(
        () -> {
          if (next > counter(keysetId)) {
            setCounter(keysetId, next);
          }
        });
  }

  private void setCounter(String keysetId, long next) {
    update(
        "INSERT INTO counters (keyset_id, next) VALUES (?, ?)"
            + " ON CONFLICT (keyset_id) DO UPDATE SET next = excluded.next",
        ps -> {
          ps.setString(1, keysetId);
          ps.setLong(2, next);
        });
  }

  // proofs

  /**
   * Adds proofs; a proof whose secret is already stored is left as it is.
   *
   * @return how many were new
   */
  public int addProofs(Collection<StoredProof> proofs) {
    return write(
        () -> {
          int added = 0;
          long now = now();
          for (StoredProof sp : proofs) {
            Proof p = sp.proof();
            DleqProof d = p.dleq();
            added +=
                update(
                    "INSERT OR IGNORE INTO proofs (secret, y, keyset_id, amount, c, dleq_e, dleq_s,"
                        + " r, witness, state, owner, used_by_op, created_by_op, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                      ps.setString(1, p.secret());
                      ps.setString(2, sp.y());
                      ps.setString(3, p.id());
                      ps.setLong(4, p.amount());
                      ps.setString(5, p.C());
                      ps.setString(6, d == null ? null : d.e());
                      ps.setString(7, d == null ? null : d.s());
                      ps.setString(8, d == null ? null : d.r());
                      ps.setString(9, p.witness());
                      ps.setString(10, sp.state().column());
                      ps.setString(11, sp.owner());
                      ps.setString(12, sp.usedByOp());
                      ps.setString(13, sp.createdByOp());
                      ps.setLong(14, now);
                      ps.setLong(15, now);
                    });
          }
          return added;
        });
  }

  private static StoredProof proofRow(ResultSet rs) throws SQLException {
    String e = rs.getString("dleq_e");
    DleqProof dleq = e == null ? null : new DleqProof(e, rs.getString("dleq_s"), rs.getString("r"));
    Proof p =
        new Proof(
            rs.getLong("amount"),
            rs.getString("keyset_id"),
            rs.getString("secret"),
            rs.getString("c"),
            dleq,
            rs.getString("witness"));
    return new StoredProof(
        p,
        rs.getString("y"),
        ProofState.ofColumn(rs.getString("state")),
        rs.getString("owner"),
        rs.getString("used_by_op"),
        rs.getString("created_by_op"));
  }

  /** Proofs in a state, smallest first. */
  public List<StoredProof> proofs(ProofState state) {
    return query(
        "SELECT * FROM proofs WHERE state = ? ORDER BY amount, secret",
        ps -> ps.setString(1, state.column()),
        SqliteWalletStore::proofRow);
  }

  /** Every proof the wallet has ever stored. */
  public List<StoredProof> allProofs() {
    return query(
        "SELECT * FROM proofs ORDER BY created_at, secret", ps -> {}, SqliteWalletStore::proofRow);
  }

  /** Proofs reserved for {@code owner}, smallest first. */
  public List<StoredProof> reservedFor(String owner) {
    return query(
        "SELECT * FROM proofs WHERE state = 'reserved' AND owner = ? ORDER BY amount, secret",
        ps -> ps.setString(1, owner),
        SqliteWalletStore::proofRow);
  }

  /** Proofs an operation holds in flight. */
  public List<StoredProof> heldBy(String opId) {
    return query(
        "SELECT * FROM proofs WHERE state = 'inflight' AND used_by_op = ? ORDER BY amount, secret",
        ps -> ps.setString(1, opId),
        SqliteWalletStore::proofRow);
  }

  /** Proofs an operation used, whatever their state now (e.g. spent inputs). */
  public List<StoredProof> usedBy(String opId) {
    return query(
        "SELECT * FROM proofs WHERE used_by_op = ? ORDER BY amount, secret",
        ps -> ps.setString(1, opId),
        SqliteWalletStore::proofRow);
  }

  /** The stored proofs among the given secrets. */
  public List<StoredProof> proofsBySecret(Collection<String> secrets) {
    if (secrets.isEmpty()) {
      return List.of();
    }
    List<String> list = List.copyOf(secrets);
    return query(
        "SELECT * FROM proofs WHERE secret IN (" + placeholders(list.size()) + ")",
        ps -> {
          for (int i = 0; i < list.size(); i++) {
            ps.setString(i + 1, list.get(i));
          }
        },
        SqliteWalletStore::proofRow);
  }

  /**
   * Hands proofs to an operation: {@code from} (ready, or reserved for {@code owner}) becomes
   * inflight held by {@code opId}. All or nothing: throws if any proof was not available.
   */
  public void hold(Collection<String> secrets, ProofState from, String owner, String opId) {
    if (from != ProofState.READY && from != ProofState.RESERVED) {
      throw new IllegalArgumentException("only ready or reserved proofs can be held");
    }
    writeVoid(
        () -> {
          long now = now();
          for (String secret : secrets) {
            int n =
                update(
                    "UPDATE proofs SET state = 'inflight', used_by_op = ?, updated_at = ?"
                        + " WHERE secret = ? AND state = ? AND used_by_op IS NULL"
                        + " AND owner IS ?",
                    ps -> {
                      ps.setString(1, opId);
                      ps.setLong(2, now);
                      ps.setString(3, secret);
                      ps.setString(4, from.column());
                      ps.setString(5, from == ProofState.READY ? null : owner);
                    });
            if (n != 1) {
              throw new ProofsUnavailableException();
            }
          }
        });
  }

  /** Moves in-flight proofs from one operation to another (a reclaim taking over a send). */
  public void transfer(Collection<String> secrets, String fromOp, String toOp) {
    writeVoid(
        () -> {
          long now = now();
          for (String secret : secrets) {
            int n =
                update(
                    "UPDATE proofs SET used_by_op = ?, updated_at = ?"
                        + " WHERE secret = ? AND state = 'inflight' AND used_by_op = ?",
                    ps -> {
                      ps.setString(1, toOp);
                      ps.setLong(2, now);
                      ps.setString(3, secret);
                      ps.setString(4, fromOp);
                    });
            if (n != 1) {
              throw new ProofsUnavailableException();
            }
          }
        });
  }

  /**
   * Gives back what an operation holds: reserved proofs return to their owner, the rest become
   * ready.
   *
   * @return how many proofs were released
   */
  public int release(String opId) {
    return update(
        "UPDATE proofs SET state = CASE WHEN owner IS NULL THEN 'ready' ELSE 'reserved' END,"
            + " used_by_op = NULL, updated_at = ? WHERE state = 'inflight' AND used_by_op = ?",
        ps -> {
          ps.setLong(1, now());
          ps.setString(2, opId);
        });
  }

  /**
   * Releases proofs held by an operation that is no longer open (or does not exist): a holding left
   * behind must not lock ecash forever.
   *
   * @return how many proofs were released
   */
  public int releaseOrphans() {
    return update(
        "UPDATE proofs SET state = CASE WHEN owner IS NULL THEN 'ready' ELSE 'reserved' END,"
            + " used_by_op = NULL, updated_at = ? WHERE state = 'inflight' AND (used_by_op IS NULL"
            + " OR used_by_op NOT IN (SELECT id FROM operations"
            + " WHERE state IN ('executing', 'pending')))",
        ps -> ps.setLong(1, now()));
  }

  /** Marks proofs spent (the mint said so, or the operation that spent them finished). */
  public int markSpent(Collection<String> secrets) {
    return write(
        () -> {
          int n = 0;
          long now = now();
          for (String secret : secrets) {
            n +=
                update(
                    "UPDATE proofs SET state = 'spent', owner = NULL, updated_at = ?"
                        + " WHERE secret = ? AND state <> 'spent'",
                    ps -> {
                      ps.setLong(1, now);
                      ps.setString(2, secret);
                    });
          }
          return n;
        });
  }

  /** Sets ready proofs aside for {@code owner}; all or nothing. */
  public void reserve(Collection<String> secrets, String owner) {
    writeVoid(
        () -> {
          long now = now();
          for (String secret : secrets) {
            int n =
                update(
                    "UPDATE proofs SET state = 'reserved', owner = ?, updated_at = ?"
                        + " WHERE secret = ? AND state = 'ready' AND used_by_op IS NULL",
                    ps -> {
                      ps.setString(1, owner);
                      ps.setLong(2, now);
                      ps.setString(3, secret);
                    });
            if (n != 1) {
              throw new ProofsUnavailableException();
            }
          }
        });
  }

  /**
   * Ends {@code owner}'s reservation: its reserved proofs become ready, and proofs of its that are
   * in flight will come back ready.
   *
   * @return the sats made spendable now
   */
  public long unreserve(String owner) {
    return write(
        () -> {
          long amount =
              query(
                      "SELECT COALESCE(SUM(amount), 0) FROM proofs"
                          + " WHERE state = 'reserved' AND owner = ?",
                      ps -> ps.setString(1, owner),
                      rs -> rs.getLong(1))
                  .get(0);
          update(
              "UPDATE proofs SET state = CASE WHEN state = 'reserved' THEN 'ready' ELSE state END,"
                  + " owner = NULL, updated_at = ? WHERE owner = ? AND state IN"
                  + " ('reserved', 'inflight')",
              ps -> {
                ps.setLong(1, now());
                ps.setString(2, owner);
              });
          return amount;
        });
  }

  /** Clears the owner of proofs that leave a reservation for good (sent to someone else). */
  public void disown(Collection<String> secrets) {
    writeVoid(
        () -> {
          for (String secret : secrets) {
            update(
                "UPDATE proofs SET owner = NULL WHERE secret = ? AND state = 'inflight'",
                ps -> ps.setString(1, secret));
          }
        });
  }

  /** Sats per proof state. */
  public Map<ProofState, Long> totals() {
    Map<ProofState, Long> totals = new EnumMap<>(ProofState.class);
    for (ProofState s : ProofState.values()) {
      totals.put(s, 0L);
    }
    query(
            "SELECT state, SUM(amount) FROM proofs GROUP BY state",
            ps -> {},
            rs -> Map.entry(ProofState.ofColumn(rs.getString(1)), rs.getLong(2)))
        .forEach(e -> totals.put(e.getKey(), e.getValue()));
    return totals;
  }

  // operations (the journal)

  public void insertOperation(OperationRecord op) {
    update(
        "INSERT INTO operations (id, kind, state, quote, payload_json, amount, fee, error,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          long now = now();
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
  public void updateOperation(
      String id, OperationState state, String payloadJson, long amount, long fee, String error) {
    int n =
        update(
            "UPDATE operations SET state = ?, payload_json = COALESCE(?, payload_json),"
                + " amount = ?, fee = ?, error = ?, updated_at = ? WHERE id = ?",
            ps -> {
              ps.setString(1, state.column());
              ps.setString(2, payloadJson);
              ps.setLong(3, amount);
              ps.setLong(4, fee);
              ps.setString(5, error);
              ps.setLong(6, now());
              ps.setString(7, id);
            });
    if (n != 1) {
      throw new WalletStoreException("Unknown operation " + id);
    }
  }

  public Optional<OperationRecord> operation(String id) {
    return query(
            "SELECT * FROM operations WHERE id = ?",
            ps -> ps.setString(1, id),
            SqliteWalletStore::operationRow)
        .stream()
        .findFirst();
  }

  /** Operations in the given states, oldest first. */
  public List<OperationRecord> operations(OperationState... states) {
    return query(
        "SELECT * FROM operations WHERE state IN ("
            + placeholders(states.length)
            + ") ORDER BY created_at, id",
        ps -> {
          for (int i = 0; i < states.length; i++) {
            ps.setString(i + 1, states[i].column());
          }
        },
        SqliteWalletStore::operationRow);
  }

  /** The operations working on a quote, oldest first. */
  public List<OperationRecord> operationsForQuote(String quote) {
    return query(
        "SELECT * FROM operations WHERE quote = ? ORDER BY created_at, id",
        ps -> ps.setString(1, quote),
        SqliteWalletStore::operationRow);
  }

  /** The latest operations, newest first. */
  public List<OperationRecord> recentOperations(int limit) {
    return query(
        "SELECT * FROM operations ORDER BY created_at DESC, id DESC LIMIT ?",
        ps -> ps.setInt(1, limit),
        SqliteWalletStore::operationRow);
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

  public void saveMintQuote(StoredMintQuote q) {
    update(
        "INSERT INTO mint_quotes (quote, request, amount, unit, state, expiry, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (quote) DO UPDATE SET"
            + " state = excluded.state, expiry = excluded.expiry, updated_at = excluded.updated_at",
        ps -> {
          long now = now();
          ps.setString(1, q.quote());
          ps.setString(2, q.request());
          ps.setLong(3, q.amount());
          ps.setString(4, q.unit());
          ps.setString(5, q.state().name());
          setLong(ps, 6, q.expiry());
          ps.setLong(7, now);
          ps.setLong(8, now);
        });
  }

  public Optional<StoredMintQuote> mintQuote(String quote) {
    return query(
            "SELECT * FROM mint_quotes WHERE quote = ?",
            ps -> ps.setString(1, quote),
            rs ->
                new StoredMintQuote(
                    rs.getString("quote"),
                    rs.getString("request"),
                    rs.getLong("amount"),
                    rs.getString("unit"),
                    MintQuoteState.valueOf(rs.getString("state")),
                    getLong(rs, "expiry"),
                    rs.getLong("updated_at")))
        .stream()
        .findFirst();
  }

  public void saveMeltQuote(StoredMeltQuote q) {
    update(
        "INSERT INTO melt_quotes (quote, request, amount, fee_reserve, unit, state, expiry,"
            + " payment_preimage, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (quote) DO UPDATE SET state = excluded.state,"
            + " expiry = excluded.expiry,"
            + " payment_preimage = COALESCE(excluded.payment_preimage, melt_quotes.payment_preimage),"
            + " updated_at = excluded.updated_at",
        ps -> {
          long now = now();
          ps.setString(1, q.quote());
          ps.setString(2, q.request());
          ps.setLong(3, q.amount());
          ps.setLong(4, q.feeReserve());
          ps.setString(5, q.unit());
          ps.setString(6, q.state().name());
          setLong(ps, 7, q.expiry());
          ps.setString(8, q.paymentPreimage());
          ps.setLong(9, now);
          ps.setLong(10, now);
        });
  }

  public Optional<StoredMeltQuote> meltQuote(String quote) {
    return query(
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
                    getLong(rs, "expiry"),
                    rs.getString("payment_preimage"),
                    rs.getLong("updated_at")))
        .stream()
        .findFirst();
  }
}
