package org.openpleb.ee.wallet;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sent-token rows in memory, with the JPA repository's rules. */
final class InMemorySentTokenRepository implements SentTokenRepository {

  final Map<String, SentToken> rows = new LinkedHashMap<>();

  @Override
  public synchronized void add(SentToken token) {
    if (rows.containsKey(token.id()) || byOperation(token.operationId()).isPresent()) {
      throw new IllegalStateException("duplicate sent token " + token);
    }
    rows.put(token.id(), token);
  }

  @Override
  public synchronized void delete(String id) {
    rows.remove(id);
  }

  @Override
  public synchronized Optional<SentToken> find(String id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<SentToken> byOperation(String operationId) {
    return rows.values().stream().filter(t -> t.operationId().equals(operationId)).findFirst();
  }

  @Override
  public synchronized List<SentToken> unclaimedOf(String pubkey, int limit) {
    return rows.values().stream()
        .filter(t -> t.pubkey().equals(pubkey) && t.state() == SentTokenState.UNCLAIMED)
        .sorted(Comparator.comparing(SentToken::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<SentToken> unclaimedIn(String walletId, int limit) {
    return new ArrayList<>(
        rows.values().stream()
            .filter(t -> t.walletId().equals(walletId) && t.state() == SentTokenState.UNCLAIMED)
            .sorted(Comparator.comparing(SentToken::createdAt))
            .limit(limit)
            .toList());
  }

  @Override
  public synchronized boolean mark(
      String id, SentTokenState from, SentTokenState to, OffsetDateTime at) {
    SentToken row = rows.get(id);
    if (row == null || row.state() != from) {
      return false;
    }
    rows.put(id, row.in(to, at));
    return true;
  }
}
