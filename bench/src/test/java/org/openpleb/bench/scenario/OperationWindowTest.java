package org.openpleb.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OperationWindowTest {

  private static ServerUnderTest.CpuMark mark(
      long nanos, double server, double mint, double database) {
    return new ServerUnderTest.CpuMark(nanos, server, mint, database, 0, 0, 0);
  }

  @Test
  void cpuPerOperationIsTheWindowsDifferenceOverTheOperationsInIt() {
    // 40 s window, 200 offers: 1.4 s server CPU = 7 ms each, 0.5 s PostgreSQL = 2.5 ms each
    OperationWindow w =
        OperationWindow.between(
            mark(5_000_000_000L, 100.0, 20.0, 30.0), mark(45_000_000_000L, 101.4, 20.2, 30.5), 200);
    assertEquals(40.0, w.seconds(), 1e-9);
    assertEquals(5.0, w.perSecond(), 1e-9);
    assertEquals(7.0, w.serverMillisPerOperation(), 1e-9);
    assertEquals(1.0, w.mintMillisPerOperation(), 1e-9);
    assertEquals(2.5, w.databaseMillisPerOperation(), 1e-9);
  }

  @Test
  void counterReadingsBeforeTheWindowDoNotCount() {
    // what the server spent before the start mark (the warm-up) is not in the window
    OperationWindow warm =
        OperationWindow.between(mark(0, 0.0, 0, 0), mark(10_000_000_000L, 3.0, 0, 0), 30);
    OperationWindow window =
        OperationWindow.between(
            mark(10_000_000_000L, 3.0, 0, 0), mark(20_000_000_000L, 3.4, 0, 0), 100);
    assertEquals(100.0, warm.serverMillisPerOperation(), 1e-9);
    assertEquals(4.0, window.serverMillisPerOperation(), 1e-9);
  }

  @Test
  void anIdleWindowGivesMillisecondsPerSecond() {
    OperationWindow idle =
        OperationWindow.between(mark(0, 50.0, 1.0, 7.0), mark(20_000_000_000L, 50.16, 1.0, 7.1), 0);
    assertEquals(8.0, idle.serverMillisPerSecond(), 1e-9);
    assertEquals(5.0, idle.databaseMillisPerSecond(), 1e-9);
    assertEquals(0.0, idle.mintMillisPerSecond(), 1e-9);
    assertEquals(0.0, idle.serverMillisPerOperation());
    assertEquals(0.0, idle.perSecond());
  }

  @Test
  void anEmptyWindowReadsZeroAndAProcessThatEndedIsNotNegative() {
    OperationWindow w = OperationWindow.between(mark(7, 10.0, 5.0, 3.0), mark(7, 10.0, 0, 0), 0);
    assertEquals(0.0, w.seconds());
    assertEquals(0.0, w.perSecond());
    assertEquals(0.0, w.serverMillisPerSecond());
    assertEquals(0.0, w.mintCpuSeconds());
    assertEquals(0.0, w.databaseCpuSeconds());
  }

  @Test
  void refusesAWindowThatEndsBeforeItStartsOrNegativeOperations() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OperationWindow.between(mark(10, 0, 0, 0), mark(9, 0, 0, 0), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> OperationWindow.between(mark(9, 0, 0, 0), mark(10, 0, 0, 0), -1));
  }
}
