package org.openpleb.ee.pricing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where the platform takes the bitcoin price from ({@code OPENPLEB_PRICE_SOURCE}). */
public enum PriceSource {
  /** A price set by the operator ({@code OPENPLEB_PRICE_FIXED}); never a market price. */
  FIXED,
  /** Upbit's ticker, OpenPleb's feed for KRW. */
  UPBIT,
  /** blockchain.info's ticker with Coinbase as fallback, OpenPleb's feed for other currencies. */
  BLOCKCHAIN;

  /** The setting's spelling, e.g. {@code upbit}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source spelled {@code text} (any case, surrounding blanks ignored). */
  public static Optional<PriceSource> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim();
    return Arrays.stream(values()).filter(s -> s.key().equalsIgnoreCase(wanted)).findFirst();
  }

  /** Every accepted spelling, for messages: {@code fixed, upbit, blockchain}. */
  public static String choices() {
    return Arrays.stream(values()).map(PriceSource::key).collect(Collectors.joining(", "));
  }
}
