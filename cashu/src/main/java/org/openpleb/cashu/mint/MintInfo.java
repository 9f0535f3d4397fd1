package org.openpleb.cashu.mint;

import java.util.Set;

/**
 * What a mint says about itself (NUT-06): its name, version and the NUTs it supports.
 *
 * @param supportedNuts NUT numbers the mint advertises and has not disabled
 * @param subscriptionKinds the NUT-17 subscription kinds the mint offers for bolt11 in sat (e.g.
 *     {@code bolt11_mint_quote}); empty when it offers no WebSocket subscriptions
 */
public record MintInfo(
    String name,
    String version,
    String pubkey,
    Set<Integer> supportedNuts,
    Set<String> subscriptionKinds) {

  public MintInfo {
    supportedNuts = Set.copyOf(supportedNuts);
    subscriptionKinds = Set.copyOf(subscriptionKinds);
  }

  /** A mint that offers no NUT-17 subscriptions. */
  public MintInfo(String name, String version, String pubkey, Set<Integer> supportedNuts) {
    this(name, version, pubkey, supportedNuts, Set.of());
  }

  /** Whether the mint advertises the given NUT. */
  public boolean supports(int nut) {
    return supportedNuts.contains(nut);
  }

  /** Whether the mint offers NUT-17 subscriptions of this kind for bolt11 in sat. */
  public boolean offersSubscription(String kind) {
    return supportedNuts.contains(17) && subscriptionKinds.contains(kind);
  }
}
