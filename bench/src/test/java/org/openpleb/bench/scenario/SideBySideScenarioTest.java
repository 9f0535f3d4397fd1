package org.openpleb.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SideBySideScenarioTest {

  @Test
  void aWaitingMakerReadsAgainAfterTheFirstPauseThenDoublingUpToHalfASecond() {
    long[] expected = {20, 40, 80, 160, 320, 500, 500, 500};
    for (int attempt = 0; attempt < expected.length; attempt++) {
      assertEquals(
          expected[attempt], SideBySideScenario.pollPause(20, attempt), "attempt " + attempt);
    }
    assertEquals(500, SideBySideScenario.pollPause(20, 1_000_000));
    // a first pause above the cap is kept as given
    assertEquals(800, SideBySideScenario.pollPause(800, 3));
    assertThrows(IllegalArgumentException.class, () -> SideBySideScenario.pollPause(0, 0));
  }

  @Test
  void tenClientsKeepOneReturningMakerEach() {
    for (int worker = 0; worker < 10; worker++) {
      for (int iteration = 0; iteration < 5; iteration++) {
        assertEquals(worker, SideBySideScenario.returningIndex(worker, iteration, 10, 10));
      }
    }
  }

  @Test
  void oneClientGoesRoundEveryReturningMaker() {
    Set<Integer> seen = new HashSet<>();
    for (int iteration = 0; iteration < 10; iteration++) {
      seen.add(SideBySideScenario.returningIndex(0, iteration, 1, 10));
    }
    assertEquals(10, seen.size());
    assertEquals(0, SideBySideScenario.returningIndex(0, 10, 1, 10));
  }

  @Test
  void refusesAWorkerOutsideTheClients() {
    assertThrows(
        IllegalArgumentException.class, () -> SideBySideScenario.returningIndex(10, 0, 10, 10));
    assertThrows(
        IllegalArgumentException.class, () -> SideBySideScenario.returningIndex(0, 0, 1, 0));
  }
}
