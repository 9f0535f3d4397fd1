package org.openpleb.devmint.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The mint state as a JSON file, replaced atomically (write a sibling temp file, force it to disk,
 * rename over the old one) so a crash leaves either the old or the new state, never half of one.
 */
final class StateFile {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path path;

  StateFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  Path path() {
    return path;
  }

  /** The saved state, or null if there is no file yet. */
  LedgerState load() {
    if (!Files.exists(path)) {
      return null;
    }
    try {
      LedgerState state = JSON.readValue(path.toFile(), LedgerState.class);
      if (state.version() != LedgerState.CURRENT_VERSION) {
        throw new IllegalStateException(
            "state file " + path + " has version " + state.version() + ", expected 1");
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read devmint state file " + path, e);
    }
  }

  void save(LedgerState state) {
    try {
      Path dir = path.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path temp = path.resolveSibling(path.getFileName() + ".tmp");
      byte[] bytes = JSON.writeValueAsBytes(state);
      try (FileChannel channel =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write devmint state file " + path, e);
    }
  }
}
