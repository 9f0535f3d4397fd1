package org.openpleb.cashu.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Cashu library stays plain Java: no Jakarta, and only its allowed dependencies (Bouncy Castle,
 * libsecp256k1 over JNI, Jackson, SQLite).
 */
class LibraryBoundaryTest {

  private static final Path MODULE = Path.of(System.getProperty("user.dir"));

  @Test
  void noSourceFileImportsJakarta() throws IOException {
    Path sources = MODULE.resolve("src/main/java");
    assertTrue(Files.isDirectory(sources), "run from the cashu module: " + MODULE);
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(sources)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(LibraryBoundaryTest::mentionsJakarta)
              .toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static boolean mentionsJakarta(Path file) {
    try {
      return Pattern.compile("^\\s*import\\s+(static\\s+)?jakarta\\.", Pattern.MULTILINE)
          .matcher(Files.readString(file))
          .find();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyBouncyCastleLibsecp256k1JacksonAndSqliteAreRuntimeDependencies() throws IOException {
    String pom = Files.readString(MODULE.resolve("pom.xml"));
    Matcher deps = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
    Set<String> runtime = new TreeSet<>();
    while (deps.find()) {
      String dep = deps.group(1);
      if (dep.contains("<scope>test</scope>")) {
        continue;
      }
      Matcher artifact = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(dep);
      assertTrue(artifact.find());
      runtime.add(artifact.group(1));
    }
    Set<String> allowed =
        Set.of(
            "bcprov-jdk18on",
            "secp256k1-kmp-jni-jvm",
            "secp256k1-kmp-jvm",
            "jackson-databind",
            "jackson-dataformat-cbor",
            "sqlite-jdbc");
    assertTrue(allowed.containsAll(runtime), "unexpected dependencies: " + runtime);
  }
}
