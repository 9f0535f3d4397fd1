/**
 * What a benchmark run found and how it is published: the run's figures as one value (also kept as
 * JSON beside the report, so later runs can be compared with it), the verdicts against the issue's
 * targets and reference points, the capacity tables recomputed from measured footprints, and the
 * Markdown report with its SVG charts.
 */
package org.openpleb.bench.report;
