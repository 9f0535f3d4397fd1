package org.openpleb.ee.web.offer;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * A PostgreSQL schema of one test's own inside the build's throwaway database, for a test that runs
 * its own server process: the offers other IT classes leave behind come due while it runs, and a
 * server of that test would settle them against wallet files it does not have. The server finds its
 * tables through {@code currentSchema} in its {@code DB_URL}; the schema is dropped on close.
 * Client-side only.
 */
final class IsolatedSchema implements AutoCloseable {

  private final String baseUrl;
  private final String user;
  private final String password;
  private final String name;

  private IsolatedSchema(String baseUrl, String user, String password, String name) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.name = name;
  }

  /**
   * Creates a schema named after {@code prefix} in the database of the build's {@code DB_URL}.
   *
   * @throws IllegalStateException when the build runs without PostgreSQL (the ITs need it)
   */
  static IsolatedSchema create(String prefix) throws SQLException {
    String url = System.getenv("DB_URL");
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "DB_URL names no PostgreSQL database; run the ITs by bin/test");
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    IsolatedSchema schema =
        new IsolatedSchema(
            url,
            System.getenv("DB_USER"),
            System.getenv("DB_PASSWORD"),
            prefix + "_" + HexFormat.of().formatHex(random));
    schema.execute("CREATE SCHEMA " + schema.name);
    return schema;
  }

  /** The JDBC URL whose connections see this schema's tables. */
  String url() {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  /** The environment a server process needs to use this schema. */
  Map<String, String> environment() {
    return Map.of("DB_URL", url());
  }

  /** A connection to this schema. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + name + " CASCADE");
  }

  private void execute(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(baseUrl, user, password);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
