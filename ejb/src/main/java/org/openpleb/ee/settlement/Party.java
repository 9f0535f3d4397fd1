package org.openpleb.ee.settlement;

/** Whose wallet a payout lands in: the offer's maker, its taker, or the platform's treasury. */
public enum Party {
  /** The maker, who funded the escrow and posted the maker bond. */
  MAKER,
  /** The taker, who posted the taker bond and paid the bank QR code. */
  TAKER,
  /** The platform, through its treasury wallet. */
  PLATFORM
}
