package org.openpleb.cashu.store;

import java.util.Locale;

/**
 * How a wallet file is opened: on a disk only this process writes, or on storage several servers
 * share.
 */
public enum StoreMode {

  /**
   * Write-ahead log with its shared-memory index and normal locking: the fastest. The file's folder
   * must be on a local file system, since the index is shared memory that a network file system
   * cannot share between machines.
   */
  LOCAL,

  /**
   * Rollback journal (no shared-memory file) and exclusive locking: the file is locked from the
   * moment it is opened until its handle closes, so a second opener (another server on the same
   * storage, or a second handle here) is refused instead of writing beside the first.
   */
  SHARED;

  /** The mode named {@code local} or {@code shared}, in any case. */
  public static StoreMode named(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "local" -> LOCAL;
      case "shared" -> SHARED;
      default -> throw new IllegalArgumentException("Store mode must be local or shared");
    };
  }
}
