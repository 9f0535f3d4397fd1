package org.openpleb.cashu.store;

import java.io.IOException;
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
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.sqlite.JDBC;

/**
 * The open SQLite file of one wallet: its connection, the single-writer lock, {@code BEGIN
 * IMMEDIATE} transactions (nested calls join the outer one) and the small JDBC runners every
 * statement of the store goes through. The tables themselves are read and written by {@link
 * SqliteProofs}, {@link SqliteJournal} and {@link SqliteKeysets}.
 */
final class SqliteFile {

  private final Path file;
  private final Connection connection;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private int depth;
  private boolean closed;

  private SqliteFile(Path file, Connection connection, Clock clock) {
    this.file = file;
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (creating owner-only if needed) the file and configures the connection. */
  static SqliteFile open(Path absolute, Clock clock, StoreMode mode) {
    createOwnerOnly(absolute);
    Connection c;
    try {
      // The driver class directly, not DriverManager: inside an application server the JVM-wide
      // driver scan never sees a driver that ships in the application's own class loader.
      c = JDBC.createConnection(JDBC.PREFIX + absolute, new Properties());
    } catch (SQLException e) {
      throw new WalletStoreException("Cannot open wallet file " + absolute.getFileName(), e);
    }
    SqliteFile db = new SqliteFile(absolute, c, clock);
    try {
      db.configure(mode);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
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

  private void configure(StoreMode mode) {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      // Before WAL mode writes the header, so it takes effect for a new file only (an existing
      // file keeps its page size). A wallet of a few dozen proofs spans some 60 pages of 1 KiB
      // (its twelve tables and indexes take at least one page each): about 60 KiB on disk
      // instead of 120 KiB with 4 KiB pages, and a page cache a quarter the size.
      s.execute("PRAGMA page_size = " + SqliteWalletStore.PAGE_SIZE);
      // Also new files only: pages freed by finished operations go back to the file system at
      // each commit instead of staying in the file as free pages.
      s.execute("PRAGMA auto_vacuum = FULL");
      if (mode == StoreMode.SHARED) {
        // Before the first access: an exclusive-mode connection keeps every lock it takes until
        // it closes, and with a rollback journal it never creates the -shm file.
        s.execute("PRAGMA locking_mode = EXCLUSIVE");
      }
      String journal = mode == StoreMode.SHARED ? "delete" : "wal";
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = " + journal)) {
        if (!rs.next() || !journal.equalsIgnoreCase(rs.getString(1))) {
          throw new WalletStoreException(
              "Wallet file does not support the " + journal + " journal mode");
        }
      }
      // Bearer ecash: a commit must survive a power cut, not only a process crash.
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA foreign_keys = ON");
      // Up to 200 handles stay open: SQLite's default page cache (2 MB, 20 pages allocated up
      // front) would be most of a handle's native memory. The wallet's pages stay in the
      // operating system's cache; a miss costs a read call, not a disk access.
      s.execute("PRAGMA cache_size = -" + SqliteWalletStore.CACHE_KIB);
    } catch (SQLException e) {
      if (mode == StoreMode.SHARED && isBusy(e)) {
        throw lockedElsewhere(e);
      }
      throw new WalletStoreException("Cannot configure wallet file", e);
    }
    if (mode == StoreMode.SHARED) {
      claim();
    }
  }

  /**
   * Takes the file's exclusive lock now, at open, rather than at the first write: from here until
   * {@link #close} no other connection, in this process or another, can read or write the file.
   */
  private void claim() {
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      s.execute("COMMIT");
    } catch (SQLException e) {
      throw isBusy(e) ? lockedElsewhere(e) : new WalletStoreException("Cannot lock wallet file", e);
    }
  }

  private static boolean isBusy(SQLException e) {
    return String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  private WalletStoreException lockedElsewhere(SQLException e) {
    return new WalletStoreException(
        "Wallet file " + file.getFileName() + " is open elsewhere (it is locked)", e);
  }

  @FunctionalInterface
  interface StatementWork<T> {
    T run(Statement s) throws SQLException;
  }

  /** Runs plain statements (pragmas, schema) under the lock; {@code what} names a failure. */
  <T> T statement(String what, StatementWork<T> work) {
    lock.lock();
    try (Statement s = connection.createStatement()) {
      return work.run(s);
    } catch (SQLException e) {
      throw new WalletStoreException(what, e);
    } finally {
      lock.unlock();
    }
  }

  Path file() {
    return file;
  }

  ReentrantLock lock() {
    return lock;
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction under the wallet lock and commits
   * it; any exception or error rolls it back. Calls nested inside another {@code write} join it.
   */
  <T> T write(Supplier<T> work) {
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
  void writeVoid(Runnable work) {
    write(
        () -> {
          work.run();
          return null;
        });
  }

  /** Runs {@code work} under the wallet lock without opening a write transaction. */
  <T> T read(Supplier<T> work) {
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
  void close() {
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

  boolean isClosed() {
    return closed;
  }

  long now() {
    return clock.millis();
  }

  // Small JDBC runners: every statement goes through one of these, under the lock.

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  int update(String sql, Binder binder) {
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

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
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

  static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, value);
    }
  }

  static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
