package org.openpleb.bench.report;

/** How a measured figure compares with its target. */
public enum Verdict {
  /** The figure meets the target. */
  PASS,
  /** The figure misses the target; the report shows the measured cause. */
  MISS,
  /** This run could not measure the figure (its endpoints are not in this build). */
  NOT_MEASURED;

  /** The verdict as the report prints it. */
  public String label() {
    return switch (this) {
      case PASS -> "**pass**";
      case MISS -> "**MISS**";
      case NOT_MEASURED -> "not measured";
    };
  }
}
