package org.openpleb.ee.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts the login challenges this server issued within the last challenge lifetime, in one slot
 * per second, and refuses more than a limit. Every challenge that can still be outstanding was
 * issued within its lifetime, so the count bounds the unused, unexpired rows this server can have
 * added, at O(lifetime in seconds) work and memory whatever the traffic.
 */
final class ChallengeWindow {

  private final int limit;
  private final long[] slotSecond;
  private final long[] slotCount;

  /**
   * @param ttl the challenge lifetime (the window), at least one second
   * @param limit the most challenges within the window
   */
  ChallengeWindow(Duration ttl, int limit) {
    int slots = (int) Math.max(1, Math.min(ttl.toSeconds(), 86_400)) + 1;
    this.limit = limit;
    this.slotSecond = new long[slots];
    this.slotCount = new long[slots];
    java.util.Arrays.fill(slotSecond, Long.MIN_VALUE);
  }

  /**
   * Counts one challenge issued at {@code epochSecond}, if the window has room.
   *
   * @return empty when it may be issued, else how long until the oldest counted ones leave
   */
  synchronized Optional<Duration> tryIssue(long epochSecond) {
    int slots = slotSecond.length;
    long inWindow = 0;
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < slots; i++) {
      if (slotSecond[i] > epochSecond - slots && slotSecond[i] <= epochSecond) {
        inWindow += slotCount[i];
        if (slotCount[i] > 0) {
          oldest = Math.min(oldest, slotSecond[i]);
        }
      }
    }
    if (inWindow >= limit) {
      return Optional.of(Duration.ofSeconds(Math.max(1, oldest + slots - epochSecond)));
    }
    int index = (int) Math.floorMod(epochSecond, (long) slots);
    if (slotSecond[index] != epochSecond) {
      slotSecond[index] = epochSecond;
      slotCount[index] = 0;
    }
    slotCount[index]++;
    return Optional.empty();
  }
}
