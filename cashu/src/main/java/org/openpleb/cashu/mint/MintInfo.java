package org.openpleb.cashu.mint;

import java.util.Set;

/**
 * What a mint says about itself (NUT-06): its name, version and the NUTs it supports.
 *
 * @param supportedNuts NUT numbers the mint advertises and has not disabled
 */
public record MintInfo(String name, String version, String pubkey, Set<Integer> supportedNuts) {

  public MintInfo {
    supportedNuts = Set.copyOf(supportedNuts);
  }

  /** Whether the mint advertises the given NUT. */
  public boolean supports(int nut) {
    return supportedNuts.contains(nut);
  }
}
