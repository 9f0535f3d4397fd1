package org.openpleb.ee.restore;

import java.util.List;

/**
 * Where a restore learns which tokens a wallet handed out that may not be claimed yet. A restore
 * asks every source and puts each token's unclaimed proofs back in flight; a token that was
 * claimed, or that another wallet made, changes nothing, so a source may err on the side of listing
 * too many. Sources are CDI beans; a new record of sent tokens adds one.
 */
public interface UnclaimedTokenSource {

  /** The token texts wallet {@code walletId} handed out that may be unclaimed. */
  List<String> tokens(String walletId);
}
