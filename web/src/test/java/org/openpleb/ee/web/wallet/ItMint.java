package org.openpleb.ee.web.wallet;

import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;

/**
 * The dev mint of the wallet ITs, running in the client JVM. Only client-side code touches this
 * class, and it is never added to a test archive: the test classes that are loaded inside Payara
 * must not refer to dev mint types in their fields or signatures.
 */
final class ItMint {

  private static volatile DevMint current;

  private ItMint() {}

  /** Starts a fresh dev mint (fixed test seed, no fees, invoices paid at once); returns its URL. */
  static synchronized String start() {
    if (current != null) {
      current.close();
    }
    current = DevMint.start(DevMintConfig.defaults());
    DevMint started = current;
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    return started.url();
  }

  /** The URL of the running mint. */
  static String url() {
    return mint().url();
  }

  /** A fresh invoice of the mint's fake Lightning node, to pay with a melt. */
  static String invoice(long sats) {
    return mint().control().createInvoice(sats);
  }

  private static DevMint mint() {
    DevMint mint = current;
    if (mint == null) {
      throw new IllegalStateException("the dev mint was not started by the deployment");
    }
    return mint;
  }
}
