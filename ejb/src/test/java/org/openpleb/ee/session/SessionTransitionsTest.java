package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** What {@link SessionTransitions} does with a committed change: count it and publish it. */
class SessionTransitionsTest {

  private static final SessionOpened OPENED =
      new SessionOpened("s1", "a".repeat(64), "w1", OffsetDateTime.parse("2026-03-01T11:00:00Z"));
  private static final SessionClosed CLOSED =
      new SessionClosed("s1", "a".repeat(64), "w1", SessionCloseReason.CAPACITY);

  private final List<String> counted = new ArrayList<>();
  private final List<Object> published = new ArrayList<>();
  private final SessionTransitions transitions = new SessionTransitions();

  SessionTransitionsTest() {
    transitions.metrics =
        new SessionMetrics() {
          @Override
          public void created() {
            counted.add("created");
          }

          @Override
          public void closed(SessionCloseReason reason) {
            counted.add("closed " + reason);
          }
        };
    transitions.opened = new Recorded<>(published, false);
    transitions.closed = new Recorded<>(published, false);
  }

  @Test
  void aCommittedOpeningIsCountedAndPublished() {
    transitions.afterCommit(new SessionTransitions.Pending(OPENED));

    assertEquals(List.of("created"), counted);
    assertEquals(List.of(OPENED), published);
  }

  @Test
  void aCommittedClosingIsCountedByReasonAndPublished() {
    transitions.afterCommit(new SessionTransitions.Pending(CLOSED));

    assertEquals(List.of("closed CAPACITY"), counted);
    assertEquals(List.of(CLOSED), published);
  }

  @Test
  void aFailingObserverDoesNotEscapeTheCommittedChange() {
    transitions.closed = new Recorded<>(published, true);

    transitions.afterCommit(new SessionTransitions.Pending(CLOSED));

    assertEquals(List.of("closed CAPACITY"), counted);
    assertEquals(List.of(CLOSED), published);
  }

  @Test
  void anythingElseIsIgnored() {
    transitions.afterCommit(new SessionTransitions.Pending("not a session change"));

    assertEquals(List.of(), counted);
    assertEquals(List.of(), published);
  }

  /** Records what is fired; when {@code failing}, then throws as a broken observer would. */
  private record Recorded<T>(List<Object> fired, boolean failing) implements Event<T> {

    @Override
    public void fire(T event) {
      fired.add(event);
      if (failing) {
        throw new IllegalStateException("observer failed");
      }
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
      fire(event);
      return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
