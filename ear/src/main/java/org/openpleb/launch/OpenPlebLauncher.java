package org.openpleb.launch;

import fish.payara.micro.PayaraMicro;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * stays a reference in domain.xml, and Payara's runtime folder is the owner's only.
 */
public final class OpenPlebLauncher {

  private static final Logger LOG = Logger.getLogger(OpenPlebLauncher.class.getName());

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
    LaunchSettings settings;
    try {
      settings = LaunchSettings.from(System.getenv());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "OpenPleb cannot start: {0}", e.getMessage());
      System.exit(EXIT_BAD_CONFIGURATION);
      return;
    }
    Map<String, String> properties = new LinkedHashMap<>(settings.systemProperties());
    properties.putAll(PrivateRuntime.systemProperties());
    for (Map.Entry<String, String> property : properties.entrySet()) {
      if (System.getProperty(property.getKey()) == null) {
        System.setProperty(property.getKey(), property.getValue());
        LOG.log(
            Level.INFO,
            "OpenPleb launcher: {0}={1}",
            new Object[] {property.getKey(), property.getValue()});
      }
    }
    PrivateRuntime.Prepared runtime =
        PrivateRuntime.prepare(args, Path.of(System.getProperty("java.io.tmpdir")));
    if (runtime.runtimeDir() != null) {
      Path dir = runtime.runtimeDir();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> PrivateRuntime.delete(dir)));
      LOG.log(Level.INFO, "OpenPleb launcher: Payara runtime folder {0} (owner only)", dir);
    }
    PayaraMicro.main(runtime.args());
  }
}
