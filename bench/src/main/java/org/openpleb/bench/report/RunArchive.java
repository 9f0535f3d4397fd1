package org.openpleb.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A day's results folder: every run's figures as {@code runs/<time>.json}, the report of the day's
 * latest full run (or of the latest run, when none was full) as {@code report.md} with its charts,
 * and that run's figures as {@code results.json}.
 */
public final class RunArchive {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path folder;

  /** The archive in {@code folder} (created when needed). */
  public RunArchive(Path folder) {
    this.folder = folder;
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /**
   * Adds {@code run} to the archive and rewrites the report; returns the report's path.
   *
   * @param run this run's figures
   */
  public Path add(RunResults run) {
    try {
      Files.createDirectories(folder.resolve("runs"));
      String name = run.run().startedAt().replace(':', '-') + ".json";
      Files.writeString(folder.resolve("runs").resolve(name), toJson(run), StandardCharsets.UTF_8);
      return render(run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + folder, e);
    }
  }

  /**
   * Writes the report again from the runs already in the archive (after the report's layout
   * changed; the figures are the runs' own); returns the report's path.
   */
  public Path rerender() {
    try {
      List<RunResults> all = runs();
      if (all.isEmpty()) {
        throw new IllegalStateException("no runs in " + folder.resolve("runs"));
      }
      return render(all.get(all.size() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the runs in " + folder, e);
    }
  }

  /** The report of the day's latest full run (else of {@code latest}) with every run listed. */
  private Path render(RunResults latest) throws IOException {
    List<RunResults> all = runs();
    RunResults primary =
        all.stream().filter(r -> "full".equals(r.run().mode())).reduce((a, b) -> b).orElse(latest);
    ReportWriter.Report report = ReportWriter.render(primary, all);
    Files.writeString(folder.resolve("results.json"), toJson(primary), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> chart : report.charts().entrySet()) {
      Files.writeString(folder.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
    }
    Path md = folder.resolve("report.md");
    Files.writeString(md, report.markdown(), StandardCharsets.UTF_8);
    return md;
  }

  /** Every run in the archive, oldest first. */
  public List<RunResults> runs() throws IOException {
    Path dir = folder.resolve("runs");
    List<RunResults> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(fromJson(Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    out.sort(Comparator.comparing(r -> r.run().startedAt()));
    return out;
  }

  /** A run's figures as JSON. */
  public static String toJson(RunResults run) {
    try {
      return JSON.writeValueAsString(run);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run's figures from JSON. */
  public static RunResults fromJson(String json) {
    try {
      return JSON.readValue(json, RunResults.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
