package org.openpleb.cashu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wallet file on storage several servers share: rollback journal, locked while open. */
class SharedStoreModeTest {

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("w.sqlite");
  }

  private SqliteWalletStore shared() {
    return SqliteWalletStore.open(file(), Clock.systemUTC(), StoreMode.SHARED);
  }

  @Test
  void aSharedFileHasARollbackJournalAndNoSharedMemoryFile() throws Exception {
    try (SqliteWalletStore store = shared()) {
      store.putMeta("k", "v");
      assertFalse(Files.exists(Path.of(file() + "-wal")), "no write-ahead log");
      assertFalse(Files.exists(Path.of(file() + "-shm")), "no shared-memory index");
    }
    try (SqliteWalletStore again = shared()) {
      assertEquals("v", again.meta("k").orElseThrow());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertEquals("delete", rs.getString(1));
    }
  }

  @Test
  void whileOneHandleHasTheFileNoOtherCanReadOrOpenIt() throws Exception {
    try (SqliteWalletStore first = shared()) {
      first.putMeta("k", "v");
      // any other connection, even a reader that waits for nothing, is locked out
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
          Statement s = c.createStatement()) {
        SQLException locked =
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM meta"));
        assertTrue(locked.getMessage().contains("SQLITE_BUSY"), locked.getMessage());
      }
      // a second store waits its busy timeout, then is refused, naming the lock
      WalletStoreException refused = assertThrows(WalletStoreException.class, this::shared);
      assertTrue(refused.getMessage().contains("open elsewhere"), refused.getMessage());
      assertEquals("v", first.meta("k").orElseThrow(), "the first handle is unharmed");
      first.putMeta("k", "w");
    }
    try (SqliteWalletStore next = shared()) {
      assertEquals("w", next.meta("k").orElseThrow(), "the lock went with the first handle");
    }
  }

  @Test
  void aLocalFileMovesToTheSharedModeAndBackWithItsData() {
    try (SqliteWalletStore local = SqliteWalletStore.open(file())) {
      local.putMeta("k", "local");
    }
    try (SqliteWalletStore store = shared()) {
      assertEquals("local", store.meta("k").orElseThrow());
      store.putMeta("k", "shared");
    }
    try (SqliteWalletStore local = SqliteWalletStore.open(file())) {
      assertEquals("shared", local.meta("k").orElseThrow());
    }
  }

  @Test
  void modesAreNamedLocalOrShared() {
    assertEquals(StoreMode.LOCAL, StoreMode.named("local"));
    assertEquals(StoreMode.SHARED, StoreMode.named(" Shared "));
    assertThrows(IllegalArgumentException.class, () -> StoreMode.named("nfs"));
  }
}
