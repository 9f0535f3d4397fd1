package org.openpleb.ee.wallet;

import jakarta.ejb.Local;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where the tokens handed out of session wallets are recorded: the shared database. */
@Local
public interface SentTokenRepository {

  /** Records a token about to be made, in a transaction of its own. */
  void add(SentToken token);

  /** Forgets the row of a send that did not happen. */
  void delete(String id);

  /** The row with this id. */
  Optional<SentToken> find(String id);

  /** The row of the wallet send journaled under {@code operationId}. */
  Optional<SentToken> byOperation(String operationId);

  /** The owner's unclaimed tokens, newest first, at most {@code limit}. */
  List<SentToken> unclaimedOf(String pubkey, int limit);

  /** The unclaimed tokens of one wallet, at most {@code limit}, oldest first. */
  List<SentToken> unclaimedIn(String walletId, int limit);

  /**
   * Moves a row from {@code from} to {@code to} (a compare-and-set).
   *
   * @return whether this call moved it
   */
  boolean mark(String id, SentTokenState from, SentTokenState to, OffsetDateTime at);
}
