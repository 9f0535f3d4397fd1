package org.openpleb.devmint.ledger;

import java.util.List;
import java.util.Map;

/**
 * Everything the mint must remember across a restart, as written to the state file. The seed is in
 * it because the keys are derived from it; the file is as secret as the mint itself.
 */
record LedgerState(
    int version,
    String seed,
    List<KeysetRecord> keysets,
    List<String> spent,
    Map<String, String> pending,
    List<SignedOutput> signed,
    List<MintQuote> mintQuotes,
    List<MeltQuote> meltQuotes) {

  static final int CURRENT_VERSION = 1;

  @Override
  public String toString() {
    return "LedgerState[version=" + version + ", keysets=" + keysets + "]";
  }
}
