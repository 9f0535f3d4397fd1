package org.openpleb.ee.events;

import java.util.Objects;
import java.util.Set;

/**
 * Who may receive an event: every stream, or only the authenticated streams of some pubkeys.
 *
 * @param isPublic true for public events; then {@code pubkeys} is empty
 * @param pubkeys the x-only pubkeys (hex) whose sessions receive a private event
 */
public record Audience(boolean isPublic, Set<String> pubkeys) {

  private static final Audience EVERYONE = new Audience(true, Set.of());

  /** Copies the pubkeys; a public audience names none. */
  public Audience {
    pubkeys = Set.copyOf(Objects.requireNonNull(pubkeys, "pubkeys"));
    if (isPublic && !pubkeys.isEmpty()) {
      throw new IllegalArgumentException("a public audience names no pubkeys");
    }
  }

  /** Every connected stream, anonymous or not. */
  public static Audience everyone() {
    return EVERYONE;
  }

  /** Only streams authenticated as {@code pubkey}. */
  public static Audience party(String pubkey) {
    return new Audience(false, Set.of(Objects.requireNonNull(pubkey, "pubkey")));
  }

  /** Whether a stream owned by {@code pubkey} (null when anonymous) receives the event. */
  public boolean includes(String pubkey) {
    return isPublic || (pubkey != null && pubkeys.contains(pubkey));
  }
}
