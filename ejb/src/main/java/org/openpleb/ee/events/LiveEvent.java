package org.openpleb.ee.events;

import java.util.Objects;

/**
 * One server-sent event as it goes out on a stream: a sequence number unique on this instance, an
 * event name clients dispatch on, and the JSON text of its data.
 *
 * @param id increasing on this instance; sent as the SSE {@code id}
 * @param name the SSE event name, e.g. {@code offer}
 * @param data the event's data, one JSON document
 */
public record LiveEvent(long id, String name, String data) {

  /** Requires a name and data. */
  public LiveEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }
}
