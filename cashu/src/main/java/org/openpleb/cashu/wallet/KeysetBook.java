package org.openpleb.cashu.wallet;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.openpleb.cashu.CashuException;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.cashu.model.Keyset;
import org.openpleb.cashu.store.WalletStore;

/**
 * The wallet's knowledge of the mint's keysets in its unit: which are active, what each charges per
 * input, and their keys. Kept in the wallet file, refreshed from the mint when the wallet opens and
 * whenever the mint mentions a keyset the wallet does not know or says one is inactive.
 */
final class KeysetBook {

  private final WalletStore store;
  private final MintClient mint;
  private final String unit;
  private final Map<String, Keyset> byId = new ConcurrentHashMap<>();

  KeysetBook(WalletStore store, MintClient mint, String unit) {
    this.store = store;
    this.mint = mint;
    this.unit = unit;
    for (Keyset k : store.keysets()) {
      byId.put(k.id(), k);
    }
  }

  /** Reads the mint's keysets and stores them, fetching keys for active ones not yet known. */
  void refresh() {
    for (Keyset summary : mint.keysets()) {
      if (!unit.equals(summary.unit())) {
        continue;
      }
      Keyset known = byId.get(summary.id());
      SortedMap<BigInteger, String> keys = known == null ? new TreeMap<>() : known.keys();
      if (keys.isEmpty() && summary.active()) {
        keys = mint.keys(summary.id()).keys();
      }
      Keyset merged =
          new Keyset(
              summary.id(),
              summary.unit(),
              summary.active(),
              summary.inputFeePpk(),
              summary.finalExpiry(),
              keys);
      store.saveKeyset(merged);
      byId.put(merged.id(), merged);
    }
  }

  /** Makes sure an active keyset is known, asking the mint if none is. */
  void ensureActive() {
    if (activeKeysets().isEmpty()) {
      refresh();
    }
  }

  /** The keyset with its keys, fetched from the mint if the wallet lacks them. */
  Keyset withKeys(String id) {
    Keyset k = byId.get(id);
    if (k == null) {
      refresh();
      k = byId.get(id);
      if (k == null) {
        throw new CashuException("Keyset " + id + " is not a keyset of this mint in " + unit);
      }
    }
    if (k.keys().isEmpty()) {
      Keyset withKeys = mint.keys(id);
      k =
          new Keyset(
              k.id(), k.unit(), k.active(), k.inputFeePpk(), k.finalExpiry(), withKeys.keys());
      store.saveKeyset(k);
      byId.put(id, k);
    }
    return k;
  }

  Optional<Keyset> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Whether the mint's keysets include {@code id}, asking the mint once if the wallet does not. */
  boolean knows(String id) {
    if (byId.containsKey(id)) {
      return true;
    }
    refresh();
    return byId.containsKey(id);
  }

  /** The input fee of a keyset in parts per thousand. */
  long ppk(String id) {
    Keyset k = byId.get(id);
    if (k == null) {
      refresh();
      k = byId.get(id);
    }
    if (k == null) {
      throw new CashuException("Keyset " + id + " is not a keyset of this mint in " + unit);
    }
    return k.inputFeePpk();
  }

  /** Every keyset id of the wallet's unit, for resolving short ids in tokens. */
  List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  List<Keyset> all() {
    return List.copyOf(byId.values());
  }

  private List<Keyset> activeKeysets() {
    return byId.values().stream().filter(Keyset::active).toList();
  }

  /**
   * The keyset new outputs go to: the cheapest active one (lowest input fee), preferring version-2
   * ids, then the lowest id for determinism.
   */
  Keyset outputKeyset() {
    ensureActive();
    Keyset best =
        activeKeysets().stream()
            .min(
                Comparator.comparingLong(Keyset::inputFeePpk)
                    .thenComparing(k -> k.id().startsWith("01") ? 0 : 1)
                    .thenComparing(Keyset::id))
            .orElseThrow(() -> new CashuException("The mint has no active keyset in " + unit));
    return withKeys(best.id());
  }

  /** Whether keyset {@code id} has a key for {@code amount}, i.e. signs coins of that size. */
  boolean signs(String id, long amount) {
    return amount > 0 && withKeys(id).keys().containsKey(BigInteger.valueOf(amount));
  }

  /** The public key (compressed hex) signing {@code amount} in keyset {@code id}. */
  String key(String id, long amount) {
    String key = withKeys(id).keys().get(BigInteger.valueOf(amount));
    if (key == null) {
      throw new CashuException("Keyset " + id + " has no key for " + amount);
    }
    return key;
  }
}
