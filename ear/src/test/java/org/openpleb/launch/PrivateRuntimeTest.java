package org.openpleb.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher keeps the database password a reference and Payara's runtime folder private. */
class PrivateRuntimeTest {

  @TempDir Path tmp;

  @Test
  void thePasswordIsHandedOnAsAReferenceNotAsItsValue() {
    assertEquals(
        "${ENV=DB_PASSWORD:openpleb}",
        PrivateRuntime.systemProperties().get("openpleb.db.password-reference"));
  }

  @Test
  void payaraGetsAnOwnerOnlyRuntimeFolderThatIsRemovedAfterwards() throws Exception {
    PrivateRuntime.Prepared prepared =
        PrivateRuntime.prepare(new String[] {"--port", "8081"}, tmp.resolve("t"));

    Path dir = prepared.runtimeDir();
    assertTrue(dir.getFileName().toString().startsWith("payaramicro-rt"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    assertArrayEquals(
        new String[] {"--port", "8081", "--rootdir", dir.toString()}, prepared.args());

    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/domain.xml"), "<domain/>");
    PrivateRuntime.delete(dir);
    assertFalse(Files.exists(dir));
  }

  @Test
  void theOperatorsOwnRootDirWins() throws Exception {
    String[] args = {"--rootDir", "/srv/payara"};
    PrivateRuntime.Prepared prepared = PrivateRuntime.prepare(args, tmp);

    assertNull(prepared.runtimeDir());
    assertArrayEquals(args, prepared.args());
  }
}
