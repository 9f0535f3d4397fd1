package org.openpleb.ee.capacity;

/**
 * Counts the sessions alive right now, for the session side of the capacity level.
 *
 * <p>The session feature implements it as a bean (a database count, so that several servers sharing
 * one database agree). The monitor looks it up through {@code Instance}: with no implementation
 * deployed it counts 0 sessions, so the level then follows memory alone; with several it takes the
 * largest count.
 */
public interface LiveSessionCounter {

  /** Sessions that are open and not yet expired. */
  long liveSessions();
}
