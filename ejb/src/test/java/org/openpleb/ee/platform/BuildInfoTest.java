package org.openpleb.ee.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void theBuildStampsTheProjectVersion() {
    String version = BuildInfo.current().version();

    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
  }
}
