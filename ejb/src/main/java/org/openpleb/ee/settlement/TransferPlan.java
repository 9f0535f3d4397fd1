package org.openpleb.ee.settlement;

import java.util.ArrayList;
import java.util.List;

/**
 * The fewest transfers that turn what the parties hold for an offer into its payout: the maker
 * holds the escrow F, a taker who claimed holds the bond B, and whatever a hold keeps after its
 * transfers is released back to its owner.
 *
 * <p>Each hold's surplus is what it holds minus what its owner ends with. A negative surplus is
 * made good by the other hold; what both surpluses leave over is the platform's share. So at most
 * two transfers ever run, and a pure refund runs none.
 *
 * @param transfers the transfers in the order they are made
 * @param makerKeeps sats the maker's hold keeps and releases to the maker
 * @param takerKeeps sats the taker's hold keeps and releases to the taker
 */
public record TransferPlan(List<Transfer> transfers, long makerKeeps, long takerKeeps) {

  /** Copies the transfers. */
  public TransferPlan {
    transfers = List.copyOf(transfers);
  }

  /**
   * The plan that realises {@code payout} from a maker hold of {@code makerHolds} and a taker hold
   * of {@code takerHolds} (0 when nobody claimed).
   *
   * @throws IllegalArgumentException if the payout does not share out exactly what is held
   */
  public static TransferPlan of(Payout payout, long makerHolds, long takerHolds) {
    if (makerHolds < 0 || takerHolds < 0) {
      throw new IllegalArgumentException("holds cannot be negative");
    }
    if (payout.total() != makerHolds + takerHolds) {
      throw new IllegalArgumentException("the payout must share out exactly what is held");
    }
    if (takerHolds == 0 && payout.taker() > 0) {
      throw new IllegalArgumentException("nobody holds anything for the taker");
    }
    long makerSurplus = makerHolds - payout.maker();
    long takerSurplus = takerHolds - payout.taker();
    List<Transfer> transfers = new ArrayList<>();
    long makerGives = 0;
    long takerGives = 0;
    if (takerSurplus < 0) {
      transfers.add(new Transfer(Party.MAKER, Party.TAKER, -takerSurplus));
      makerGives += -takerSurplus;
    } else if (makerSurplus < 0) {
      transfers.add(new Transfer(Party.TAKER, Party.MAKER, -makerSurplus));
      takerGives += -makerSurplus;
    }
    long makerToPlatform = Math.max(0, makerSurplus) - (takerSurplus < 0 ? -takerSurplus : 0);
    long takerToPlatform = Math.max(0, takerSurplus) - (makerSurplus < 0 ? -makerSurplus : 0);
    if (makerToPlatform > 0) {
      transfers.add(new Transfer(Party.MAKER, Party.PLATFORM, makerToPlatform));
      makerGives += makerToPlatform;
    }
    if (takerToPlatform > 0) {
      transfers.add(new Transfer(Party.TAKER, Party.PLATFORM, takerToPlatform));
      takerGives += takerToPlatform;
    }
    return new TransferPlan(transfers, makerHolds - makerGives, takerHolds - takerGives);
  }

  /** What {@code party} ends with under this plan (its kept hold plus what it receives). */
  public long endsWith(Party party) {
    long received =
        transfers.stream().filter(t -> t.to() == party).mapToLong(Transfer::amount).sum();
    return switch (party) {
      case MAKER -> makerKeeps + received;
      case TAKER -> takerKeeps + received;
      case PLATFORM -> received;
    };
  }
}
