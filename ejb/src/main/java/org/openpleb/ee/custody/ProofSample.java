package org.openpleb.ee.custody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks which spendable and reserved proofs a run checks with the mint: the proofs of all wallet
 * files are numbered as the run meets them (wallets in id order, proofs in {@code Y} order), and
 * the run takes {@code budget} of them starting where the previous run stopped, wrapping around to
 * the first. So successive runs walk through every proof; with the budget of {@link #budget} they
 * get round in a day. Proofs come and go between runs, so the numbering shifts a little: a sample,
 * not an exact rota. Keeps at most twice the budget in memory, whatever the wallets hold.
 */
final class ProofSample {

  private final long start;
  private final int budget;
  private final List<SampledProof> window = new ArrayList<>();
  private final List<SampledProof> head = new ArrayList<>();
  private long seen;

  /**
   * @param start the number of the first proof to take (the previous run's {@link #nextStart()})
   * @param budget how many to take
   */
  ProofSample(long start, int budget) {
    this.start = Math.max(0, start);
    this.budget = Math.max(1, budget);
  }

  /**
   * How many proofs a run checks: at least {@code sample}, and enough that runs every {@code
   * interval} check all {@code total} proofs within a day: {@code ceil(total × interval / 24 h)}.
   */
  static int budget(int sample, long total, Duration interval) {
    long day = Duration.ofDays(1).toMillis();
    long runsPerDay = Math.max(1, day / Math.max(1, interval.toMillis()));
    long needed = (total + runsPerDay - 1) / runsPerDay;
    return (int) Math.min(ReconciliationConfig.MAX_SAMPLE, Math.max(sample, needed));
  }

  /** Offers the next proof in order. */
  void offer(SampledProof proof) {
    long n = seen++;
    if (n >= start && n < start + budget) {
      window.add(proof);
    }
    if (n < budget) {
      head.add(proof);
    }
  }

  /** How many proofs were offered. */
  long seen() {
    return seen;
  }

  /** The proofs to check: from the start on, then from the first proof if the end came first. */
  List<SampledProof> chosen() {
    if (start >= seen) {
      return List.copyOf(head);
    }
    List<SampledProof> chosen = new ArrayList<>(window);
    int more = (int) Math.min(budget - window.size(), start);
    chosen.addAll(head.subList(0, Math.min(more, head.size())));
    return chosen;
  }

  /** Where the next run starts. */
  long nextStart() {
    if (seen == 0) {
      return 0;
    }
    long from = start >= seen ? 0 : start;
    long next = from + budget;
    return next < seen ? next : Math.min(next - seen, from);
  }
}
