package org.openpleb.ee.web.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openpleb.devmint.DevMint;
import org.openpleb.ee.web.ItAdmission;

/**
 * The WAR as the browser tests deploy it: the test's own dev mint, KRW at a fixed price, a wallet
 * folder and master seed of the deployment's own (under the build folder), admission relaxed for
 * one machine's many users, and the capacity level driven by the test's memory probe.
 */
final class AppDeployment {

  private AppDeployment() {}

  /**
   * The deployment, with {@code extraSettings} (config lines, each ending in a newline) on top.
   *
   * @param name names the deployment's data folder ({@code it-<name>/<random>})
   */
  static WebArchive of(String name, DevMint mint, String extraSettings) throws IOException {
    File war = new File(System.getProperty("war.file"));
    Path data =
        war.getAbsoluteFile()
            .getParentFile()
            .toPath()
            .resolve("it-" + name)
            .resolve(UUID.randomUUID().toString());
    Files.createDirectories(data);
    String settings =
        "config_ordinal=500\n"
            + ItAdmission.RELAXED
            + "OPENPLEB_MINT_URL="
            + mint.url()
            + "\nOPENPLEB_CURRENCY=KRW\nOPENPLEB_PRICE_SOURCE=fixed\n"
            + "OPENPLEB_PRICE_FIXED=150000000\n"
            + "WALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\nCAPACITY_MEMORY_SOURCE=test\n"
            + extraSettings;
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "it-" + name + "-settings.jar")
            .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addAsLibrary(config);
  }
}
