package org.openpleb.ee.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * This start of the server: a random id drawn once per JVM start (per deployment). A request
 * claimed under an Idempotency-Key records it, so a key left IN_PROGRESS by a boot that died is
 * recognised as orphaned by the next one instead of being refused for ever.
 */
@ApplicationScoped
public class ServerBoot {

  private final String id = UUID.randomUUID().toString();

  /** The id of this boot: 36 characters, different at every start. */
  public String id() {
    return id;
  }
}
