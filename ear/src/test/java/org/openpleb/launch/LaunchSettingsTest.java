package org.openpleb.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

  @Test
  void anEmptyEnvironmentLeavesEveryDefaultToThePostBootFile() {
    assertEquals(Map.of(), LaunchSettings.from(Map.of()).systemProperties());
  }

  @Test
  void theCapacityAnalysisIdleTimeoutInMillisecondsBecomesSeconds() {
    var settings = LaunchSettings.from(Map.of("DATABASE_POOL_IDLE_TIMEOUT", "30000"));
    assertEquals("30", settings.systemProperties().get(LaunchSettings.IDLE_TIMEOUT_SECONDS));
  }

  @Test
  void aPartialSecondRoundsUpSoAShortTimeoutNeverMeansNoTimeout() {
    assertEquals("2", idleSeconds("1001"));
    assertEquals("1", idleSeconds("1"));
    assertEquals("0", idleSeconds("0"));
    assertEquals("45", idleSeconds(" 45000 "));
  }

  @Test
  void aMalformedIdleTimeoutIsRefusedWithItsName() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LaunchSettings.from(Map.of("DATABASE_POOL_IDLE_TIMEOUT", "30s")));
    assertTrue(e.getMessage().contains("DATABASE_POOL_IDLE_TIMEOUT"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LaunchSettings.from(Map.of("DATABASE_POOL_IDLE_TIMEOUT", "-1")));
  }

  @Test
  void aSteadyPoolLargerThanTheMaximumIsRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LaunchSettings.from(Map.of("DATABASE_POOL_SIZE", "7", "DATABASE_POOL_MIN", "8")));
    assertTrue(e.getMessage().contains("DATABASE_POOL_MIN (8)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> LaunchSettings.from(Map.of("DATABASE_POOL_SIZE", "0")));
    assertEquals(
        Map.of(),
        LaunchSettings.from(Map.of("DATABASE_POOL_SIZE", "7", "DATABASE_POOL_MIN", "1"))
            .systemProperties());
  }

  @Test
  void aPostgresqlUrlSelectsThePostgresqlDataSource() {
    var settings = LaunchSettings.from(Map.of("DB_URL", "jdbc:postgresql://db:5432/openpleb"));
    assertEquals(
        "org.postgresql.ds.PGSimpleDataSource",
        settings.systemProperties().get(LaunchSettings.DATASOURCE_CLASS));
  }

  @Test
  void anExplicitDataSourceClassIsLeftToThePostBootFile() {
    var settings =
        LaunchSettings.from(
            Map.of(
                "DB_URL", "jdbc:postgresql://db/openpleb",
                "DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource"));
    assertFalse(settings.systemProperties().containsKey(LaunchSettings.DATASOURCE_CLASS));
  }

  @Test
  void anUnknownUrlAsksForTheDataSourceClassWithoutEchoingTheUrl() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LaunchSettings.from(Map.of("DB_URL", "jdbc:mysql://u:secret@db/x")));
    assertTrue(e.getMessage().contains("DB_DATASOURCE_CLASS"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  private static String idleSeconds(String ms) {
    return LaunchSettings.from(Map.of("DATABASE_POOL_IDLE_TIMEOUT", ms))
        .systemProperties()
        .get(LaunchSettings.IDLE_TIMEOUT_SECONDS);
  }
}
