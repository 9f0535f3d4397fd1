/**
 * The benchmark's arithmetic: latency samples reduced to nearest-rank percentiles per endpoint,
 * throughput over a measured interval, and the least-squares line through memory readings that
 * gives the cost of one more session or wallet. Pure functions and thread-safe recorders, no I/O.
 */
package org.openpleb.bench.stats;
