package org.openpleb.launch;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main class of {@code openpleb.jar}: applies the {@link LaunchSettings} derived from the
 * environment, then boots Payara Micro exactly as its own main class would.
 *
 * <p>The build makes this the uber jar's {@code Main-Class}, so plain {@code java -jar
 * openpleb.jar} converts {@code DATABASE_POOL_IDLE_TIMEOUT} like {@code bin/run} does. A system
 * property given on the command line ({@code -Dopenpleb.pool.idle-timeout-seconds=…}) wins over the
 * derived one. It also keeps secrets off the disk ({@link PrivateRuntime}): the database password
 * stays a reference in domain.xml, and Payara's runtime folder is the owner's only. It gives Payara
 * a trust store without expired certificates ({@link CurrentTrustStore}), the JSON log format when
 * {@code OPENPLEB_LOG_FORMAT=json} ({@link LogFormat}), and tells the application its HTTP port for
 * the ready line. {@code java -jar openpleb.jar hash-password} runs {@link PasswordHashCommand}
 * instead of the server.
 */
public final class OpenPlebLauncher {

  private static final Logger LOG = Logger.getLogger(OpenPlebLauncher.class.getName());

  /** The system property that tells the application its HTTP port, for its ready line. */
  static final String HTTP_PORT = "openpleb.http.port";

  /** Exit status for a configuration the launcher refuses, as sysexits' EX_CONFIG. */
  static final int EXIT_BAD_CONFIGURATION = 78;

  private OpenPlebLauncher() {}

  /**
   * Boots the server.
   *
   * @param args Payara Micro's command-line options, passed through unchanged
   * @throws Exception whatever Payara Micro's boot throws
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && PasswordHashCommand.NAME.equals(args[0])) {
      System.exit(PasswordHashCommand.runInProcess());
      return;
    }
    LaunchSettings settings;
    LogFormat logFormat;
    try {
      settings = LaunchSettings.from(System.getenv());
      logFormat = LogFormat.from(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "OpenPleb cannot start: {0}", e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>(settings.systemProperties());
    properties.putAll(PrivateRuntime.systemProperties());
    properties.put(HTTP_PORT, httpPort(args));
    PrivateRuntime.Prepared runtime =
        PrivateRuntime.prepare(args, Path.of(System.getProperty("java.io.tmpdir")));
    List<String> payaraArgs = new ArrayList<>(List.of(runtime.args()));
    if (runtime.runtimeDir() != null) {
      Path dir = runtime.runtimeDir();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> PrivateRuntime.delete(dir)));
      try {
        properties.putAll(CurrentTrustStore.prepare(dir, Instant.now()));
      } catch (IOException | GeneralSecurityException e) {
        LOG.log(Level.WARNING, "OpenPleb launcher: Payara's trust store stays as bundled: {0}", e);
      }
      Path logging = logFormat.writeConfiguration(dir);
      if (logging != null && !payaraArgs.contains("--logproperties")) {
        payaraArgs.add("--logproperties");
        payaraArgs.add(logging.toString());
      }
    }
    List<String> applied = new ArrayList<>();
    for (Map.Entry<String, String> property : properties.entrySet()) {
      if (System.getProperty(property.getKey()) == null) {
        System.setProperty(property.getKey(), property.getValue());
        applied.add(property.getKey() + "=" + property.getValue());
      }
    }
    LOG.log(
        Level.INFO,
        "OpenPleb launcher: runtime folder {0} (owner only), {1}",
        new Object[] {runtime.runtimeDir(), String.join(", ", applied)});
    // The JVM scans for JDBC drivers once, on its first use of DriverManager. Done here, the scan
    // sees only this class path; left to the deployment, it ran with a temporary class loader of
    // the application, registered the SQLite driver from it, and Payara warned when that loader
    // was discarded. The application opens SQLite through the driver class, not DriverManager.
    DriverManager.getDrivers();
    PayaraMicro.main(payaraArgs.toArray(String[]::new));
  }

  /**
   * The HTTP port Payara Micro will listen on: the value of {@code --port}, else Payara's 8080. The
   * application names it in its ready line ({@value #HTTP_PORT}).
   */
  static String httpPort(String[] args) {
    for (int i = 0; i + 1 < args.length; i++) {
      if ("--port".equalsIgnoreCase(args[i])) {
        return args[i + 1];
      }
    }
    return "8080";
  }
}
