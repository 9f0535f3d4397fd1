package org.openpleb.bench.server;

/**
 * A process's memory and CPU at one instant, as the kernel accounts them.
 *
 * @param rssBytes resident set size ({@code VmRSS})
 * @param rssAnonBytes its anonymous part ({@code RssAnon}: heap, malloc, thread stacks)
 * @param rssPeakBytes the highest resident size so far ({@code VmHWM})
 * @param cpuSeconds user plus system CPU time since the process started
 */
public record ProcessFigures(
    long rssBytes, long rssAnonBytes, long rssPeakBytes, double cpuSeconds) {}
