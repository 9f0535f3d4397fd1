package org.openpleb.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pages of closed wallet files hold: the page size and page count from each file's header,
 * and, from a read-only copy, the pages of every table and index (SQLite's {@code dbstat} table).
 * The evidence for a wallet file's size: every table and index takes at least one page.
 *
 * @param files files read
 * @param pageSize the page size in bytes
 * @param meanPages pages per file, mean
 * @param meanFreePages pages on the free list per file, mean
 * @param btrees tables and indexes per file
 * @param pagesByBtree pages per table or index (mean over the files), most first
 */
public record WalletFileAnatomy(
    int files,
    int pageSize,
    double meanPages,
    double meanFreePages,
    int btrees,
    List<BtreePages> pagesByBtree) {

  public WalletFileAnatomy {
    pagesByBtree = List.copyOf(pagesByBtree);
  }

  /**
   * One table or index.
   *
   * @param name its name
   * @param meanPages pages it takes per file, mean
   */
  public record BtreePages(String name, double meanPages) {}

  /** Nothing read. */
  public static final WalletFileAnatomy NONE = new WalletFileAnatomy(0, 0, 0, 0, 0, List.of());

  /** Reads up to {@code limit} of {@code files} (closed SQLite databases). */
  public static WalletFileAnatomy of(List<Path> files, int limit) {
    List<Path> chosen = files.subList(0, Math.min(limit, files.size()));
    if (chosen.isEmpty()) {
      return NONE;
    }
    int pageSize = 0;
    double pages = 0;
    double free = 0;
    int btrees = 0;
    Map<String, Double> byName = new LinkedHashMap<>();
    int read = 0;
    for (Path file : chosen) {
      try {
        Header h = header(file);
        pageSize = h.pageSize();
        pages += h.pages();
        free += h.freePages();
        Map<String, Integer> stat = dbstat(file);
        btrees = stat.size();
        stat.forEach((name, n) -> byName.merge(name, n.doubleValue(), Double::sum));
        read++;
      } catch (IOException | SQLException e) {
        // a file being written or not a database: the others still tell
      }
    }
    if (read == 0) {
      return NONE;
    }
    int n = read;
    List<BtreePages> list = new ArrayList<>();
    byName.forEach((name, total) -> list.add(new BtreePages(name, total / n)));
    list.sort(Comparator.comparingDouble(BtreePages::meanPages).reversed());
    return new WalletFileAnatomy(n, pageSize, pages / n, free / n, btrees, list);
  }

  /**
   * The database header's page size (offset 16, 2 bytes, 1 meaning 65536), page count (offset 28)
   * and free-list page count (offset 36), big-endian.
   */
  record Header(int pageSize, long pages, long freePages) {}

  static Header header(Path file) throws IOException {
    byte[] h = new byte[100];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(h, 0, 100) < 100) {
        throw new IOException("not a SQLite database: " + file.getFileName());
      }
    }
    if (!new String(h, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("SQLite format 3")) {
      throw new IOException("not a SQLite database: " + file.getFileName());
    }
    int size = ((h[16] & 0xff) << 8) | (h[17] & 0xff);
    return new Header(size == 1 ? 65536 : size, u32(h, 28), u32(h, 36));
  }

  private static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  /** Pages per table or index, from a copy of the file so the server's file is never touched. */
  private static Map<String, Integer> dbstat(Path file) throws IOException, SQLException {
    Path copy = Files.createTempFile("bench-wallet", ".sqlite");
    try {
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      Map<String, Integer> out = new LinkedHashMap<>();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT name, count(*) FROM dbstat GROUP BY name")) {
        while (r.next()) {
          out.put(r.getString(1), r.getInt(2));
        }
      }
      return out;
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
