package org.openpleb.ee.capacity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.DependsOn;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityCheckTimerTest {

  @Test
  void theFirstCheckWaitsForTheSchemaMigration() {
    // A check counts live sessions in the database; the container creates the timer (first check
    // at once) only after the beans named here have started.
    List<String> dependsOn =
        List.of(CapacityCheckTimer.class.getAnnotation(DependsOn.class).value());

    assertTrue(dependsOn.contains("SchemaMigrator"), dependsOn.toString());
  }
}
