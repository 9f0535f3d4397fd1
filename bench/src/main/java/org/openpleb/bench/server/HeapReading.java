package org.openpleb.bench.server;

/**
 * The Java heap right after a full collection: what the live objects hold.
 *
 * @param usedBytes heap in use after the collection (live data plus what G1 could not free)
 * @param committedBytes heap the JVM has committed
 * @param metaspaceUsedBytes metaspace in use
 * @param metaspaceCommittedBytes metaspace committed (resident once touched)
 */
public record HeapReading(
    long usedBytes, long committedBytes, long metaspaceUsedBytes, long metaspaceCommittedBytes) {}
