package org.openpleb.cashu.token;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openpleb.cashu.crypto.KeysetIds;

/**
 * Maps the keyset ids found in a token to the mint's full ids: a short V2 id (first 8 bytes) must
 * be the prefix of exactly one known V2 id. Full ids and V1 ids pass through, hex ids lowercased;
 * ids of older non-hex formats pass through unchanged.
 */
final class KeysetResolver {

  /** Leaves short ids short. */
  static final KeysetResolver NONE = new KeysetResolver(null);

  private final List<String> known;

  KeysetResolver(Collection<String> knownKeysetIds) {
    this.known =
        knownKeysetIds == null
            ? null
            : knownKeysetIds.stream()
                .filter(id -> id != null)
                .map(id -> id.toLowerCase(Locale.ROOT))
                .filter(KeysetIds::isV2)
                .distinct()
                .toList();
  }

  String resolve(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    if (!isHex(lower)) {
      return id;
    }
    if (known == null || !KeysetIds.isShortV2(lower)) {
      return lower;
    }
    List<String> matches = known.stream().filter(full -> full.startsWith(lower)).toList();
    if (matches.isEmpty()) {
      throw new TokenFormatException(
          "short keyset id " + lower + " matches none of the mint's keysets");
    }
    if (matches.size() > 1) {
      throw new TokenFormatException(
          "short keyset id " + lower + " is ambiguous: it matches several of the mint's keysets");
    }
    return matches.get(0);
  }

  private static boolean isHex(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
