package org.openpleb.bench.report;

import java.util.List;

/**
 * A Markdown table built row by row: a header, an alignment rule such as {@code |---|---:|} and
 * rows of cells, each line ending in a newline. Cells are written as given; {@link
 * ReportWriter#cell} escapes text that may hold a pipe or a line break.
 */
final class MarkdownTable {

  private final StringBuilder text = new StringBuilder();

  /**
   * Starts a table.
   *
   * @param rule the alignment line, one {@code ---} or {@code ---:} per column
   * @param headers the column titles; an empty one is written as a bare column
   */
  MarkdownTable(String rule, String... headers) {
    text.append('|');
    for (String header : headers) {
      text.append(header.isEmpty() ? " |" : " " + header + " |");
    }
    text.append('\n');
    text.append(rule).append('\n');
  }

  /** Adds a row of cells, each converted with {@link String#valueOf(Object)}. */
  MarkdownTable row(Object... cells) {
    line(List.of(cells));
    return this;
  }

  /** The table as Markdown lines. */
  @Override
  public String toString() {
    return text.toString();
  }

  private void line(List<?> cells) {
    text.append('|');
    for (Object cell : cells) {
      text.append(' ').append(cell).append(" |");
    }
    text.append('\n');
  }
}
