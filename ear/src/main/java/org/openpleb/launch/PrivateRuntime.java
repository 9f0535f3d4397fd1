package org.openpleb.launch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the launcher adds to Payara Micro's start so that nothing it writes gives a secret away.
 *
 * <p>The database password never reaches domain.xml or the boot log: the post-boot file sets the
 * pool's password to the system property {@value #PASSWORD_REFERENCE}, whose value is the text
 * {@value #PASSWORD_REFERENCE_VALUE}; Payara keeps that reference and resolves it when the pool
 * connects.
 *
 * <p>Payara's runtime folder (domain.xml, keystores, the unpacked application) is created by the
 * JVM's file defaults, mode 755/644 under a usual umask, and Java cannot change the umask. Unless
 * the operator chose {@code --rootdir}, the launcher therefore creates the folder itself, owner
 * only (0700), named like Payara's own ({@code payaramicro-rt…} in {@code java.io.tmpdir}), hands
 * it to Payara with {@code --rootdir} and removes it when the JVM exits.
 */
final class PrivateRuntime {

  /** The system property the post-boot file reads for the pool's password. */
  static final String PASSWORD_REFERENCE = "openpleb.db.password-reference";

  /** Payara resolves this when the pool connects; the default matches the dev database. */
  static final String PASSWORD_REFERENCE_VALUE = "${ENV=DB_PASSWORD:openpleb}";

  static final String ROOT_DIR_OPTION = "--rootdir";

  private PrivateRuntime() {}

  /** The system properties to set when the command line did not set them already. */
  static Map<String, String> systemProperties() {
    return Map.of(PASSWORD_REFERENCE, PASSWORD_REFERENCE_VALUE);
  }

  /** Whether Payara's options name a root directory already (the operator's choice wins). */
  static boolean namesRootDir(String[] args) {
    for (String arg : args) {
      if (ROOT_DIR_OPTION.equalsIgnoreCase(arg)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates an owner-only runtime folder in {@code tmp} and returns Payara's options with {@code
   * --rootdir} pointing at it; on a file system without POSIX permissions the options stay as they
   * are.
   */
  static Prepared prepare(String[] args, Path tmp) throws IOException {
    if (namesRootDir(args)
        || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new Prepared(args, null);
    }
    Files.createDirectories(tmp);
    Path dir =
        Files.createTempDirectory(
            tmp,
            "payaramicro-rt",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> options = new ArrayList<>(List.of(args));
    options.add(ROOT_DIR_OPTION);
    options.add(dir.toString());
    return new Prepared(options.toArray(String[]::new), dir);
  }

  /** Deletes {@code dir} and everything in it; what cannot be deleted is left. */
  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(PrivateRuntime::deleteQuietly);
    } catch (IOException e) {
      // gone already, or unreadable: nothing more to do at exit
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort at exit
    }
  }

  /**
   * Payara's options and the runtime folder the launcher created for them.
   *
   * @param args the options to boot Payara Micro with
   * @param runtimeDir the folder created, or null when the options name their own or none was made
   */
  record Prepared(String[] args, Path runtimeDir) {}
}
