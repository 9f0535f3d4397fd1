package org.openpleb.ee.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CORS origins setting: exact origins or nothing. */
class CorsConfigTest {

  @Test
  void exactOriginsAreReadAsBrowsersSendThem() {
    assertEquals(
        Set.of("https://app.example.com", "http://localhost:5173"),
        CorsConfig.parse(" https://App.Example.com:443 , http://localhost:5173,"));
  }

  @Test
  void wildcardsPathsAndOtherSchemesAreRefused() {
    for (String raw :
        List.of(
            "*",
            "null",
            "https://app.example.com/",
            "https://app.example.com/path",
            "app.example.com",
            "ftp://app.example.com",
            "https://*.example.com",
            "https://user@app.example.com",
            "https://app.example.com?x=1")) {
      assertThrows(IllegalArgumentException.class, () -> CorsConfig.parse(raw), raw);
    }
  }

  @Test
  void anInvalidValueStopsTheDeploymentNamingTheKey() {
    ConfigCheck check =
        ConfigurationGuard.inspect(
            key -> Optional.ofNullable(Map.of(CorsConfig.ORIGINS, "*").get(key)),
            List.of(new CorsConfig()));

    assertEquals(1, check.violations().size(), check.violations()::toString);
    assertTrue(
        check.violations().get(0).contains(CorsConfig.ORIGINS), check.violations()::toString);
  }

  @Test
  void noValueMeansNoCors() {
    ConfigCheck check =
        ConfigurationGuard.inspect(key -> Optional.empty(), List.of(new CorsConfig()));

    assertTrue(check.violations().isEmpty(), check.violations()::toString);
    CorsConfig config = new CorsConfig();
    config.origins = Optional.empty();
    assertTrue(config.origins().isEmpty());
  }
}
