package org.openpleb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportTemplateTest {

  private static final ReportTemplate TEMPLATE =
      ReportTemplate.parse(
          "a note that is not a block\n"
              + "<!-- block: paragraph -->\n"
              + "Hello {{who}}, {{count}} times.\n"
              + "\n"
              + "<!-- block: fragment -->\n"
              + " (of {{total}})\n"
              + "<!-- block: last -->\n"
              + "end\n");

  @Test
  void aBlockEndsBeforeTheNewlineOfTheNextMarker() {
    assertEquals("Hello you, 3 times.\n", TEMPLATE.fill("paragraph", "who", "you", "count", 3));
    assertEquals(" (of 7)", TEMPLATE.fill("fragment", "total", 7));
    assertEquals("end", TEMPLATE.fill("last"));
  }

  @Test
  void valuesAreInsertedAsTheyAre() {
    assertEquals(" (of {{who}} $1 \\)", TEMPLATE.fill("fragment", "total", "{{who}} $1 \\"));
  }

  @Test
  void aMissingFigureIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TEMPLATE.fill("paragraph", "who", "x"));
    assertTrue(e.getMessage().contains("{{count}}"), e.getMessage());
  }

  @Test
  void aFigureTheBlockDoesNotHaveIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TEMPLATE.fill("fragment", "total", 1, "typo", 2));
    assertTrue(e.getMessage().contains("typo"), e.getMessage());
  }

  @Test
  void anUnknownBlockIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TEMPLATE.fill("nothing"));
  }

  @Test
  void theShippedTemplateLoads() {
    assertEquals("not measured", ReportTemplate.shipped().fill("not-measured"));
  }
}
