/**
 * What the benchmark reads about the processes it measures from outside: resident memory and CPU
 * time from {@code /proc}, heap after a full collection and class histograms through {@code jcmd},
 * the server's own Prometheus metrics, and the machine it all runs on.
 */
package org.openpleb.bench.server;
