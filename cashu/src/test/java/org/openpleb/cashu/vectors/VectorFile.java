package org.openpleb.cashu.vectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One test-vector file read from disk: its fenced code blocks with the heading and prose before
 * each, which blocks a test has used, and how many vectors it has checked.
 *
 * <p>Tests mark every block they read; {@link #report()} fails unless every block was read and at
 * least one vector was checked, then prints {@code "<folder>/<file>: N vectors checked"}.
 */
public final class VectorFile {

  private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

  /** A fenced code block. {@code preceding} is the text between the previous block and this one. */
  public record Block(int index, String heading, String lang, String body, String preceding) {}

  private final String label;
  private final String text;
  private final List<Block> blocks;
  private final Set<Integer> used = Collections.synchronizedSet(new TreeSet<>());
  private final AtomicInteger checked = new AtomicInteger();

  private VectorFile(String label, String text) {
    this.label = label;
    this.text = text;
    this.blocks = parseBlocks(text);
  }

  /** A file of {@code shared/cashu-vectors/}, e.g. {@code "00-tests.md"}. */
  public static VectorFile cashu(String fileName) {
    return load("cashu-vectors", fileName);
  }

  /** A file of {@code shared/bip340-vectors/}. */
  public static VectorFile bip340(String fileName) {
    return load("bip340-vectors", fileName);
  }

  private static VectorFile load(String folder, String fileName) {
    Path path = sharedDir().resolve(folder).resolve(fileName);
    try {
      return new VectorFile(
          folder + "/" + fileName, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test vectors " + path.toAbsolutePath(), e);
    }
  }

  /**
   * The shared folder: system property {@code shared.dir} (set by surefire), else {@code
   * ../../shared} relative to the module directory.
   */
  public static Path sharedDir() {
    String configured = System.getProperty("shared.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of("..", "..", "shared");
  }

  public String label() {
    return label;
  }

  /** The whole file; for vectors that live outside code blocks or in CSV. */
  public String text() {
    return text;
  }

  /** The non-empty lines of the file with line endings stripped. */
  public List<String> lines() {
    return text.lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The blocks whose nearest heading contains {@code headingPart}, marked as used. */
  public List<Block> blocksUnder(String headingPart) {
    List<Block> found =
        blocks.stream().filter(b -> b.heading().contains(headingPart)).collect(Collectors.toList());
    assertTrue(!found.isEmpty(), label + ": no code block under a heading with " + headingPart);
    found.forEach(this::use);
    return found;
  }

  /** Marks a block as read by a test and returns its body. */
  public String use(Block block) {
    used.add(block.index());
    return block.body();
  }

  /** Counts {@code n} vectors as checked. */
  public void checked(int n) {
    checked.addAndGet(n);
  }

  public int checkedCount() {
    return checked.get();
  }

  /** Fails unless every code block was read and some vector was checked; prints the count. */
  public void report() {
    report("");
  }

  /** Like {@link #report()}, with a note appended to the printed line. */
  public void report(String note) {
    Set<Integer> unused = new TreeSet<>();
    for (Block block : blocks) {
      if (!used.contains(block.index())) {
        unused.add(block.index());
      }
    }
    assertTrue(unused.isEmpty(), label + ": code blocks never read by a test: " + unused);
    assertTrue(checked.get() > 0, label + ": no vectors checked");
    System.out.println(label + ": " + checked.get() + " vectors checked" + note);
  }

  /**
   * For files only partly applicable: fails unless some vector was checked, then prints the count
   * with {@code note} (which should say what was left out and why).
   */
  public void reportPartial(String note) {
    assertTrue(checked.get() > 0, label + ": no vectors checked");
    System.out.println(label + ": " + checked.get() + " vectors checked" + note);
  }

  /**
   * Parses {@code key: value} lines of a shell-style block into groups; a comment line starting
   * with {@code "# Test"} or a blank line ends a group. Values lose trailing {@code # comments} and
   * surrounding quotes.
   */
  public static List<List<String[]>> keyValueGroups(String body) {
    List<List<String[]>> groups = new ArrayList<>();
    List<String[]> current = new ArrayList<>();
    for (String raw : body.lines().collect(Collectors.toList())) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("# Test")) {
        if (!current.isEmpty()) {
          groups.add(current);
          current = new ArrayList<>();
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      int comment = value.indexOf(" #");
      if (comment >= 0) {
        value = value.substring(0, comment).strip();
      }
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      current.add(new String[] {key, value});
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** The value of {@code key} in a key-value group, failing if absent. */
  public static String value(List<String[]> group, String key) {
    for (String[] pair : group) {
      if (pair[0].equals(key)) {
        return pair[1];
      }
    }
    throw new AssertionError("vector has no field " + key);
  }

  /** The non-comment, non-blank lines of a block: e.g. one serialized token per line. */
  public static List<String> dataLines(String body) {
    return body.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toList());
  }

  /**
   * Turns the CBOR diagnostic notation of the NUT-00 V4 examples into JSON: {@code h'ab'} becomes
   * the string {@code "ab"} and trailing commas go.
   */
  public static String cborNotationToJson(String notation) {
    String json = notation.replaceAll("h'([0-9a-fA-F]*)'", "\"$1\"");
    return json.replaceAll(",(\\s*[}\\]])", "$1");
  }

  private static List<Block> parseBlocks(String text) {
    List<Block> out = new ArrayList<>();
    String heading = "";
    StringBuilder preceding = new StringBuilder();
    StringBuilder body = null;
    String lang = "";
    for (String line : text.lines().collect(Collectors.toList())) {
      Matcher fence = FENCE.matcher(line.strip());
      if (body == null) {
        if (fence.matches()) {
          body = new StringBuilder();
          lang = fence.group(1);
        } else {
          if (line.startsWith("#")) {
            heading = line.replaceFirst("^#+\\s*", "").strip();
          }
          preceding.append(line).append('\n');
        }
      } else if (line.strip().equals("```")) {
        out.add(new Block(out.size(), heading, lang, body.toString(), preceding.toString()));
        preceding = new StringBuilder();
        body = null;
      } else {
        body.append(line).append('\n');
      }
    }
    return List.copyOf(out);
  }
}
