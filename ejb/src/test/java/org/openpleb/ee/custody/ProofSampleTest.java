package org.openpleb.ee.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rota of proofs checked at the mint: every proof within a day, bounded per run. */
class ProofSampleTest {

  private static List<String> run(ProofSample sample, int proofs) {
    for (int i = 0; i < proofs; i++) {
      sample.offer(new SampledProof("w", "y" + i, 1, "ready", null, null));
    }
    return sample.chosen().stream().map(SampledProof::y).toList();
  }

  @Test
  void theBudgetCoversEveryProofOnceADay() {
    // every 10 minutes = 144 runs a day: 1,440,000 proofs need 10,000 a run
    assertEquals(10_000, ProofSample.budget(500, 1_440_000, Duration.ofMinutes(10)));
    assertEquals(500, ProofSample.budget(500, 1000, Duration.ofMinutes(10)));
    assertEquals(7, ProofSample.budget(1, 7, Duration.ofDays(1)));
  }

  @Test
  void successiveRunsWalkThroughAllProofsAndWrapAround() {
    Set<String> checked = new HashSet<>();
    long start = 0;
    for (int runNo = 0; runNo < 4; runNo++) {
      ProofSample sample = new ProofSample(start, 3);
      List<String> chosen = run(sample, 10);
      assertEquals(3, chosen.size());
      checked.addAll(chosen);
      start = sample.nextStart();
    }
    assertEquals(10, checked.size());
    assertEquals(2, start); // 12 taken of 10: the fourth run took y9, y0, y1
  }

  @Test
  void aBudgetBeyondTheProofsTakesEachOnce() {
    ProofSample sample = new ProofSample(4, 100);
    assertEquals(List.of("y4", "y5", "y0", "y1", "y2", "y3"), run(sample, 6));
    assertEquals(4, sample.nextStart());
  }

  @Test
  void aStartBeyondTheProofsBeginsAgainAtTheFirst() {
    ProofSample sample = new ProofSample(50, 2);
    assertEquals(List.of("y0", "y1"), run(sample, 5));
    assertEquals(2, sample.nextStart());
  }

  @Test
  void noProofsNothingToCheck() {
    ProofSample sample = new ProofSample(3, 2);
    assertEquals(List.of(), run(sample, 0));
    assertEquals(0, sample.nextStart());
  }
}
