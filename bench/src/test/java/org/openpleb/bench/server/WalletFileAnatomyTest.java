package org.openpleb.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletFileAnatomyTest {

  @Test
  void everyTableAndIndexTakesAtLeastOnePage(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("w.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 4096");
      s.execute("CREATE TABLE proofs (id INTEGER PRIMARY KEY, secret TEXT, amount INTEGER)");
      s.execute("CREATE INDEX proofs_amount ON proofs (amount)");
      s.execute("CREATE TABLE journal (id INTEGER PRIMARY KEY, step TEXT)");
      for (int i = 0; i < 29; i++) {
        s.execute(
            "INSERT INTO proofs (secret, amount) VALUES ('" + "s".repeat(64) + "', " + i + ")");
      }
    }
    WalletFileAnatomy a = WalletFileAnatomy.of(List.of(db), 10);
    assertEquals(1, a.files());
    assertEquals(4096, a.pageSize());
    assertEquals(Files.size(db) / 4096.0, a.meanPages());
    assertEquals(4, a.btrees()); // the schema table, two tables, one index
    assertTrue(a.pagesByBtree().stream().allMatch(b -> b.meanPages() >= 1));
  }

  @Test
  void aFileThatIsNoDatabaseIsLeftOut(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("x.sqlite"), "not a database at all".repeat(10));
    assertEquals(WalletFileAnatomy.NONE, WalletFileAnatomy.of(List.of(junk), 10));
    assertThrows(IOException.class, () -> WalletFileAnatomy.header(junk));
  }
}
