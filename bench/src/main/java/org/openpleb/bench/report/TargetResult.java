package org.openpleb.bench.report;

/**
 * One of the targets, judged against this run.
 *
 * @param target the target as the issue states it
 * @param measured the measured figure, in words and units
 * @param verdict pass, miss or not measured
 * @param evidence for a miss, the measured cause and the next step; for the rest, how it was
 *     measured or why it could not be
 */
public record TargetResult(String target, String measured, Verdict verdict, String evidence) {}
