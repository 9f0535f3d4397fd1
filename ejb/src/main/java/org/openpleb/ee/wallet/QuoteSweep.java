package org.openpleb.ee.wallet;

/**
 * What one run of the quote sweep ({@link QuoteLedger#unknownPaidQuotes()}) found among the mint
 * quotes no offer or deposit holds.
 *
 * @param looked quotes it looked at
 * @param adopted paid quotes it stored as deposits into their wallets
 * @param adoptedSats the sats of those
 * @param unpaid unpaid quotes left to be looked at again
 * @param lapsed unpaid quotes whose invoice expired
 * @param lost quotes whose mint answer was lost (no invoice was handed out)
 * @param failed quotes the mint refused to talk about
 */
public record QuoteSweep(
    int looked, int adopted, long adoptedSats, int unpaid, int lapsed, int lost, int failed) {

  /** Whether it found anything that had no holder and was paid or lost. */
  public boolean foundAny() {
    return adopted + lapsed + lost + failed > 0;
  }

  /** Counts one run as it goes. */
  static final class Tally {
    private int looked;
    private int adopted;
    private long adoptedSats;
    private int unpaid;
    private int lapsed;
    private int lost;
    private int failed;

    void looked() {
      looked++;
    }

    void adopted(long sats) {
      adopted++;
      adoptedSats += sats;
    }

    void unpaid() {
      unpaid++;
    }

    void lapsed() {
      lapsed++;
    }

    void lost() {
      lost++;
    }

    void failed() {
      failed++;
    }

    QuoteSweep done() {
      return new QuoteSweep(looked, adopted, adoptedSats, unpaid, lapsed, lost, failed);
    }
  }
}
