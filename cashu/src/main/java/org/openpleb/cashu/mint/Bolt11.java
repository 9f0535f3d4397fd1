package org.openpleb.cashu.mint;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpleb.cashu.CashuException;

/**
 * The amount a BOLT11 Lightning invoice asks for, read from its human-readable prefix. That is all
 * the wallet needs to check that a mint quote's invoice charges what the quote promises; the
 * signature and tagged fields are the payer's business.
 */
public final class Bolt11 {

  // The prefix ends at the LAST '1': the bech32 data part never contains a '1'.
  private static final Pattern PREFIX = Pattern.compile("^ln[a-z]+?(\\d*)([munp]?)$");
  private static final BigInteger MSAT_PER_BTC = BigInteger.valueOf(100_000_000_000L);

  private Bolt11() {}

  /**
   * The invoice amount in millisatoshis, or empty for an amountless invoice.
   *
   * @throws CashuException if the text is not a BOLT11 invoice or its amount is malformed
   */
  public static OptionalLong amountMsat(String invoice) {
    if (invoice == null) {
      throw new CashuException("No invoice");
    }
    String text = invoice.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("lightning:")) {
      text = text.substring("lightning:".length());
    }
    int separator = text.lastIndexOf('1');
    if (separator < 1) {
      throw new CashuException("Not a BOLT11 invoice");
    }
    Matcher m = PREFIX.matcher(text.substring(0, separator));
    if (!m.matches()) {
      throw new CashuException("Not a BOLT11 invoice");
    }
    String digits = m.group(1);
    String multiplier = m.group(2);
    if (digits.isEmpty()) {
      if (!multiplier.isEmpty()) {
        throw new CashuException("BOLT11 multiplier without an amount");
      }
      return OptionalLong.empty();
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new CashuException("BOLT11 amount has a leading zero");
    }
    BigInteger value = new BigInteger(digits);
    BigInteger msat =
        switch (multiplier) {
          case "" -> value.multiply(MSAT_PER_BTC);
          case "m" -> value.multiply(BigInteger.valueOf(100_000_000L));
          case "u" -> value.multiply(BigInteger.valueOf(100_000L));
          case "n" -> value.multiply(BigInteger.valueOf(100L));
          case "p" -> {
            // One pico-bitcoin is a tenth of a millisatoshi; only whole millisatoshis are valid.
            if (value.mod(BigInteger.TEN).signum() != 0) {
              throw new CashuException("BOLT11 pico amount is not a whole millisatoshi");
            }
            yield value.divide(BigInteger.TEN);
          }
          default -> throw new CashuException("Unknown BOLT11 multiplier");
        };
    if (msat.signum() <= 0 || msat.bitLength() > 63) {
      throw new CashuException("BOLT11 amount out of range");
    }
    return OptionalLong.of(msat.longValueExact());
  }

  /** The invoice amount in whole sats (rounded up), or empty for an amountless invoice. */
  public static OptionalLong amountSat(String invoice) {
    OptionalLong msat = amountMsat(invoice);
    return msat.isPresent() ? OptionalLong.of((msat.getAsLong() + 999) / 1000) : msat;
  }
}
