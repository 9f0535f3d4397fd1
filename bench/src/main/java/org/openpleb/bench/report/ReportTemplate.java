package org.openpleb.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's prose, kept in the Markdown resource {@code report-template.md} so that wording is
 * edited there, not compiled in. The resource is a list of named blocks with {@code {{name}}}
 * placeholders (its opening note describes the format); {@link #fill} returns one block with every
 * placeholder replaced and refuses a block, a missing figure or an unknown one by name.
 */
final class ReportTemplate {

  private static final String RESOURCE = "report-template.md";
  private static final Pattern MARKER = Pattern.compile("(?m)^<!-- block: ([a-z0-9-]+) -->\\n");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)\\}\\}");

  private static final ReportTemplate SHIPPED = load();

  private final Map<String, String> blocks;

  private ReportTemplate(Map<String, String> blocks) {
    this.blocks = Map.copyOf(blocks);
  }

  /** The template shipped with the benchmark. */
  static ReportTemplate shipped() {
    return SHIPPED;
  }

  /** A template from text in the resource's format. */
  static ReportTemplate parse(String text) {
    Map<String, String> blocks = new HashMap<>();
    Matcher m = MARKER.matcher(text);
    String name = null;
    int start = 0;
    while (m.find()) {
      if (name != null) {
        put(blocks, name, text.substring(start, m.start()));
      }
      name = m.group(1);
      start = m.end();
    }
    if (name != null) {
      put(blocks, name, text.substring(start));
    }
    return new ReportTemplate(blocks);
  }

  /**
   * The block {@code name} with its placeholders filled.
   *
   * @param figures pairs of placeholder name and value, the value inserted as it is
   * @throws IllegalArgumentException for an unknown block, or when the figures do not match the
   *     block's placeholders one to one
   */
  String fill(String name, Object... figures) {
    String block = blocks.get(name);
    if (block == null) {
      throw new IllegalArgumentException("the report template has no block " + name);
    }
    if (figures.length % 2 != 0) {
      throw new IllegalArgumentException("figures come in name and value pairs: " + name);
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < figures.length; i += 2) {
      values.put((String) figures[i], String.valueOf(figures[i + 1]));
    }
    Set<String> used = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(block);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("block " + name + " needs {{" + m.group(1) + "}}");
      }
      used.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    if (!used.equals(values.keySet())) {
      Set<String> unknown = new HashSet<>(values.keySet());
      unknown.removeAll(used);
      throw new IllegalArgumentException("block " + name + " has no placeholder " + unknown);
    }
    return out.toString();
  }

  private static void put(Map<String, String> blocks, String name, String raw) {
    // the newline ending a block's last line belongs to the next marker
    String text = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
    if (blocks.put(name, text) != null) {
      throw new IllegalStateException("the report template has two blocks named " + name);
    }
  }

  private static ReportTemplate load() {
    try (InputStream in = ReportTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
