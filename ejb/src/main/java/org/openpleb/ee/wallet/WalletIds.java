package org.openpleb.ee.wallet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a wallet id: a lowercase UUID, which is also the wallet's file name, so nothing else
 * may ever reach the file system as one.
 */
public final class WalletIds {

  private static final Pattern FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private WalletIds() {}

  /** Whether {@code text} is a wallet id (any case). */
  public static boolean isWellFormed(String text) {
    return text != null && FORM.matcher(text.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * The wallet id in its stored (lowercase) form.
   *
   * @throws IllegalArgumentException if {@code text} is not a wallet id
   */
  public static String require(String text) {
    if (!isWellFormed(text)) {
      throw new IllegalArgumentException("not a wallet id");
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
