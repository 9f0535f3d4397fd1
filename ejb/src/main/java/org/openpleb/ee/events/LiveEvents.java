package org.openpleb.ee.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.openpleb.ee.session.SessionClosed;

/**
 * The platform's live event streams ({@code GET /api/events}): opens streams for clients, turns
 * committed offer changes into public order-book events and private trade events, ends a session's
 * streams with the session, and beats the heartbeat.
 *
 * <p>Metrics (application scope, Prometheus adds {@code _total} to counters): {@code
 * openpleb_events_clients} gauge, open streams; {@code openpleb_events_sent} counter, events
 * written to clients (heartbeats excluded); {@code openpleb_events_streams_closed{reason}} counter;
 * {@code openpleb_events_streams_rejected} counter, streams refused at a cap.
 */
@ApplicationScoped
public class LiveEvents {

  /** SSE event name of the greeting every stream starts with. */
  public static final String CONNECTED = "connected";

  /**
   * The most streams written at once: the size of the writers' pool. A client that stops reading
   * can hold one writer inside the container's blocking flush until its write timeout, so there are
   * a few spare; the client itself is dropped once its queue overflows.
   */
  static final int WRITERS = 8;

  private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

  static final Metadata CLIENTS =
      Metadata.builder()
          .withName("openpleb_events_clients")
          .withDescription("Live event streams open on this instance")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata SENT =
      Metadata.builder()
          .withName("openpleb_events_sent")
          .withDescription("Live events written to clients (heartbeats excluded)")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata CLOSED =
      Metadata.builder()
          .withName("openpleb_events_streams_closed")
          .withDescription("Live event streams closed by the server, by reason")
          .withUnit(MetricUnits.NONE)
          .build();

  static final Metadata REJECTED =
      Metadata.builder()
          .withName("openpleb_events_streams_rejected")
          .withDescription(
              "Live event streams refused at a cap (total, anonymous, per address or per session)")
          .withUnit(MetricUnits.NONE)
          .build();

  @Inject LiveEventsConfig config;

  @Inject Clock clock;

  // the container's default factory: writer threads run with the application's context
  @Resource ManagedThreadFactory threads;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private ExecutorService writers;
  private LiveEventHub hub;
  private Jsonb json;
  private Counter rejected;

  @PostConstruct
  void start() {
    json = JsonbBuilder.create();
    writers = Executors.newFixedThreadPool(WRITERS, threads);
    Counter sent = metrics.counter(SENT);
    rejected = metrics.counter(REJECTED);
    for (LiveEventHub.Closing why : LiveEventHub.Closing.values()) {
      closedCounter(why);
    }
    hub =
        new LiveEventHub(
            writers,
            new LiveEventHub.Limits(config.caps(), config.queueLimit(), config.heartbeat()),
            new LiveEventHub.Listener() {
              @Override
              public void sent(LiveEvent event) {
                sent.inc();
              }

              @Override
              public void closed(LiveEventHub.Closing why) {
                closedCounter(why).inc();
              }
            });
    metrics.gauge(CLIENTS, hub::connected);
  }

  /** Creates the bean with the application so its gauge exists from the start. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // the observer's only job is to make the container create this bean now
  }

  @PreDestroy
  void stop() {
    hub.shutdown();
    writers.shutdownNow();
    try {
      json.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing JSON-B failed", e);
    }
  }

  /**
   * Opens a client's stream; it starts with a {@code connected} event.
   *
   * @throws EventStreamLimitException 503 when a shared cap is full, 429 when the client's own
   *     share is (see {@link StreamAdmission})
   */
  public void open(EventClient client) {
    String greeting =
        json.toJson(new StreamGreeting(client.owner().isPresent(), config.heartbeat().toSeconds()));
    try {
      hub.open(client, CONNECTED, greeting);
    } catch (EventStreamLimitException e) {
      rejected.inc();
      throw e;
    }
  }

  /** Publishes a committed offer change to the order book and to the trade's parties. */
  void offerChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OfferStateChange change) {
    try {
      for (OfferEventRouting.Delivery delivery : OfferEventRouting.route(change)) {
        hub.publish(delivery.audience(), delivery.name(), json.toJson(delivery.data()));
      }
    } catch (RuntimeException e) {
      // the change is committed; a push that failed must not fail the committing thread
      LOG.log(Level.WARNING, "Publishing the change of offer " + change.offerId() + " failed", e);
    }
  }

  /** Ends the streams of a closed session: its token no longer works, so neither do they. */
  void sessionClosed(@Observes SessionClosed closed) {
    hub.closeSession(closed.sessionId());
  }

  /** Sends every stream a heartbeat and drops the dead, the slow and the expired. */
  public void heartbeat() {
    hub.heartbeat(clock.instant());
  }

  /** The number of open streams. */
  public int connected() {
    return hub.connected();
  }

  private Counter closedCounter(LiveEventHub.Closing why) {
    return metrics.counter(CLOSED, new Tag("reason", why.name().toLowerCase(Locale.ROOT)));
  }
}
