package org.openpleb.ee.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.web.openapi.OpenApiMediaTypeFilter.Format;

/** Which format of the OpenAPI document an Accept header gets. */
class OpenApiMediaTypeFilterTest {

  @Test
  void jsonWhenAskedFor() {
    assertEquals(Optional.of(Format.JSON), OpenApiMediaTypeFilter.negotiate("application/json"));
    assertEquals(
        Optional.of(Format.JSON), OpenApiMediaTypeFilter.negotiate("application/json, */*;q=0.1"));
    assertEquals(
        Optional.of(Format.JSON),
        OpenApiMediaTypeFilter.negotiate("application/yaml;q=0.5, application/json"));
  }

  @Test
  void yamlWhenAskedForOrByDefault() {
    for (String accept :
        new String[] {
          null,
          "",
          "*/*",
          "application/yaml",
          "text/yaml",
          "application/*",
          "text/plain",
          "application/json;q=0.5, application/yaml",
          "application/json, application/yaml"
        }) {
      assertEquals(
          Optional.of(Format.YAML),
          OpenApiMediaTypeFilter.negotiate(accept),
          String.valueOf(accept));
    }
  }

  @Test
  void neitherWhenTheClientAcceptsNeither() {
    assertEquals(Optional.empty(), OpenApiMediaTypeFilter.negotiate("application/xml"));
    assertEquals(
        Optional.empty(), OpenApiMediaTypeFilter.negotiate("application/json;q=0, text/html"));
  }
}
