package org.openpleb.cashu.mint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * NUT-17 subscriptions to the states of mint quotes, over one {@code java.net.http} WebSocket to
 * the mint's {@code /v1/ws}. A watched quote's callback hears each new state the mint sends (the
 * mint sends the current one right after subscribing). The socket is opened when the first quote is
 * watched and only if the mint's {@code /v1/info} advertises NUT-17 {@value #MINT_QUOTE}; when it
 * drops it is opened again after a backoff doubling from {@link Builder#minBackoff} to {@link
 * Builder#maxBackoff}, and every watched quote is subscribed again. At most {@link
 * Builder#maxSubscriptions} quotes are watched; {@link #watchMintQuote} refuses more. Nothing here
 * replaces polling: a caller must still look at its quotes itself, less often, because a socket can
 * be down for a while without anyone noticing. An open socket is pinged every {@link
 * Builder#pingInterval}; when nothing at all came from the mint for two intervals the socket is
 * taken for dead and reopened, because a connection can die without either end hearing of it (a NAT
 * or a proxy forgets it, a peer's close never arrives). Thread-safe; callbacks run on the socket's
 * thread and must return quickly.
 */
public final class QuoteSubscriptions implements AutoCloseable {

  /** The NUT-17 kind for mint quotes. */
  public static final String MINT_QUOTE = "bolt11_mint_quote";

  /** The largest message taken from the mint; a larger one ends the socket. */
  static final int MAX_MESSAGE = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(QuoteSubscriptions.class.getName());

  /** Where the socket to the mint stands. */
  public enum Link {
    /** Nothing watched yet, so nothing opened. */
    IDLE,
    /** Asking the mint's info or opening the socket. */
    CONNECTING,
    /** Open: notifications flow. */
    OPEN,
    /** Lost or refused; reopened after the backoff. */
    DOWN,
    /** The mint does not advertise NUT-17 mint-quote subscriptions: polling only. */
    NOT_OFFERED,
    /** Closed for good. */
    CLOSED
  }

  /** A snapshot for operators: the link, quotes watched, and how often the socket was reopened. */
  public record Status(Link link, int watched, int max, long reopened) {}

  private final MintClient mint;
  private final URI socketUri;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final int maxSubscriptions;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final Duration connectTimeout;
  private final Duration pingInterval;

  private final Map<String, Watch> byQuote = new LinkedHashMap<>();
  private final Map<String, Watch> bySub = new LinkedHashMap<>();
  private Link link = Link.IDLE;
  private WebSocket socket;
  private boolean connecting;
  private int failures;
  private long reopened;
  private boolean everOpened;
  private long nextSub;
  private long nextRpc;
  private long notOfferedUntil;
  private long lastHeard;
  private ScheduledFuture<?> pinger;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

  private QuoteSubscriptions(Builder b) {
    this.mint = b.mint;
    this.socketUri = socketUri(b.mint.mintUrl());
    this.http =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
    this.ownScheduler = b.scheduler == null;
    this.scheduler =
        b.scheduler != null
            ? b.scheduler
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "cashu-nut17");
                  t.setDaemon(true);
                  return t;
                });
    this.maxSubscriptions = b.maxSubscriptions;
    this.minBackoff = b.minBackoff;
    this.maxBackoff = b.maxBackoff;
    this.connectTimeout = b.connectTimeout;
    this.pingInterval = b.pingInterval;
  }

  public static Builder builder(MintClient mint) {
    return new Builder(mint);
  }

  /** The WebSocket address of a mint: its URL with ws(s) for http(s), and {@code /v1/ws}. */
  static URI socketUri(String mintUrl) {
    String url = mintUrl.endsWith("/") ? mintUrl.substring(0, mintUrl.length() - 1) : mintUrl;
    if (url.startsWith("https://")) {
      return URI.create("wss://" + url.substring("https://".length()) + "/v1/ws");
    }
    if (url.startsWith("http://")) {
      return URI.create("ws://" + url.substring("http://".length()) + "/v1/ws");
    }
    throw new IllegalArgumentException("a mint URL is http or https");
  }

  /**
   * Watches a mint quote: {@code onState} hears each state the mint announces for it, the current
   * one first. Watching a quote already watched replaces its callback.
   *
   * @return false when refused: closed, the bound of watched quotes reached, or the mint offers no
   *     subscriptions (then the caller's polling is all there is)
   */
  public boolean watchMintQuote(String quoteId, Consumer<MintQuoteState> onState) {
    Objects.requireNonNull(quoteId);
    Objects.requireNonNull(onState);
    synchronized (this) {
      if (link == Link.CLOSED
          || link == Link.NOT_OFFERED && System.nanoTime() - notOfferedUntil < 0) {
        return false;
      }
      Watch existing = byQuote.get(quoteId);
      if (existing != null) {
        existing.onState = onState;
        return true;
      }
      if (byQuote.size() >= maxSubscriptions) {
        return false;
      }
      Watch watch = new Watch(quoteId, "q" + (++nextSub), onState);
      byQuote.put(quoteId, watch);
      bySub.put(watch.subId, watch);
      if (socket != null) {
        send(socket, subscribe(watch));
      } else {
        connectSoon(Duration.ZERO);
      }
      return true;
    }
  }

  /** Stops watching a quote; nothing if it was not watched. */
  public void unwatch(String quoteId) {
    synchronized (this) {
      Watch watch = byQuote.remove(quoteId);
      if (watch == null) {
        return;
      }
      bySub.remove(watch.subId);
      if (socket != null) {
        ObjectNode params = MintJson.object().put("subId", watch.subId);
        send(socket, rpc("unsubscribe", params));
      }
    }
  }

  /** Where the link stands, how many quotes are watched, how often the socket was reopened. */
  public synchronized Status status() {
    return new Status(link, byQuote.size(), maxSubscriptions, reopened);
  }

  /** Closes the socket and forgets every watch; later watches are refused. */
  @Override
  public void close() {
    WebSocket open;
    synchronized (this) {
      if (link == Link.CLOSED) {
        return;
      }
      link = Link.CLOSED;
      byQuote.clear();
      bySub.clear();
      open = socket;
      socket = null;
      stopPinging();
    }
    if (open != null) {
      open.sendClose(WebSocket.NORMAL_CLOSURE, "")
          .orTimeout(1, TimeUnit.SECONDS)
          .whenComplete((ws, e) -> open.abort());
    }
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
  }

  // ---- the socket's life ----

  /** Schedules one connection attempt unless one is under way; call holding the lock. */
  private void connectSoon(Duration delay) {
    if (connecting || socket != null || link == Link.CLOSED || byQuote.isEmpty()) {
      return;
    }
    connecting = true;
    if (link != Link.DOWN) {
      link = Link.CONNECTING;
    }
    try {
      scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      connecting = false;
    }
  }

  private void connect() {
    synchronized (this) {
      if (link == Link.CLOSED || byQuote.isEmpty()) {
        connecting = false;
        return;
      }
    }
    MintInfo info;
    try {
      info = mint.info();
    } catch (RuntimeException unreachable) {
      failed("the mint's info could not be read", unreachable);
      return;
    }
    if (!info.offersSubscription(MINT_QUOTE)) {
      List<Watch> dropped;
      synchronized (this) {
        connecting = false;
        if (link == Link.CLOSED) {
          return;
        }
        link = Link.NOT_OFFERED;
        // asked again after the longest backoff, should the mint learn NUT-17 meanwhile
        notOfferedUntil = System.nanoTime() + maxBackoff.toNanos();
        dropped = new ArrayList<>(byQuote.values());
        byQuote.clear();
        bySub.clear();
      }
      LOG.log(
          Level.INFO,
          "The mint offers no NUT-17 mint quote subscriptions; {0} watches left to polling",
          dropped.size());
      return;
    }
    try {
      http.newWebSocketBuilder()
          .connectTimeout(connectTimeout)
          .buildAsync(socketUri, new Listener())
          .whenComplete(
              (ws, e) -> {
                if (e != null) {
                  failed("the WebSocket could not be opened", e);
                }
              });
    } catch (RuntimeException e) {
      failed("the WebSocket could not be opened", e);
    }
  }

  private void opened(WebSocket ws) {
    synchronized (this) {
      connecting = false;
      if (link == Link.CLOSED) {
        ws.abort();
        return;
      }
      socket = ws;
      link = Link.OPEN;
      failures = 0;
      lastHeard = System.nanoTime();
      startPinging(ws);
      if (everOpened) {
        reopened++;
      }
      everOpened = true;
      for (Watch watch : byQuote.values()) {
        send(ws, subscribe(watch));
      }
    }
    LOG.log(Level.FINE, "NUT-17 socket to the mint open");
  }

  private void lost(WebSocket ws, String why, Throwable cause) {
    synchronized (this) {
      if (socket != ws) {
        return;
      }
      socket = null;
      sending = CompletableFuture.completedFuture(null);
      stopPinging();
      if (link == Link.CLOSED) {
        return;
      }
      link = Link.DOWN;
      connectSoon(backoff());
    }
    ws.abort();
    LOG.log(Level.INFO, "NUT-17 socket to the mint lost ({0}); reopening", why);
    LOG.log(Level.FINE, "NUT-17 socket lost", cause);
  }

  private void failed(String why, Throwable cause) {
    synchronized (this) {
      connecting = false;
      if (link == Link.CLOSED) {
        return;
      }
      link = Link.DOWN;
      connectSoon(backoff());
    }
    LOG.log(Level.FINE, "NUT-17: " + why, cause);
  }

  /** Pings the open socket every interval; holding the lock. */
  private void startPinging(WebSocket ws) {
    stopPinging();
    long every = pingInterval.toMillis();
    try {
      pinger =
          scheduler.scheduleWithFixedDelay(() -> ping(ws), every, every, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      pinger = null;
    }
  }

  /** Holding the lock. */
  private void stopPinging() {
    if (pinger != null) {
      pinger.cancel(false);
      pinger = null;
    }
  }

  /** One beat: the socket is lost when the mint was silent for two intervals, else pinged. */
  private void ping(WebSocket ws) {
    boolean silent;
    synchronized (this) {
      if (socket != ws) {
        return;
      }
      silent = System.nanoTime() - lastHeard > 2 * pingInterval.toNanos();
      if (!silent) {
        sending =
            sending
                .handle((done, e) -> null)
                .thenCompose(x -> ws.sendPing(ByteBuffer.allocate(0)))
                .whenComplete(
                    (done, e) -> {
                      if (e != null) {
                        lost(ws, "a ping failed", e);
                      }
                    });
      }
    }
    if (silent) {
      lost(ws, "no answer to pings", null);
    }
  }

  /** Anything from the mint shows the socket alive. */
  private synchronized void heard(WebSocket ws) {
    if (socket == ws) {
      lastHeard = System.nanoTime();
    }
  }

  /** The next wait before reopening: doubling from the least to the longest. Holding the lock. */
  private Duration backoff() {
    long millis = minBackoff.toMillis() << Math.min(failures, 20);
    failures++;
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  // ---- messages ----

  private String subscribe(Watch watch) {
    ObjectNode params = MintJson.object().put("kind", MINT_QUOTE).put("subId", watch.subId);
    params.putArray("filters").add(watch.quoteId);
    return rpc("subscribe", params);
  }

  private String rpc(String method, ObjectNode params) {
    ObjectNode request = MintJson.object().put("jsonrpc", "2.0").put("method", method);
    request.set("params", params);
    request.put("id", ++nextRpc);
    return MintJson.write(request);
  }

  /** Queues a text message: the WebSocket takes one send at a time. Holding the lock. */
  private void send(WebSocket ws, String text) {
    sending =
        sending
            .handle((done, e) -> null)
            .thenCompose(x -> ws.sendText(text, true))
            .whenComplete(
                (done, e) -> {
                  if (e != null) {
                    lost(ws, "a send failed", e);
                  }
                });
  }

  private void received(String text) {
    JsonNode message;
    try {
      message = MintJson.MAPPER.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message == null || !"subscribe".equals(message.path("method").asText())) {
      if (message != null && message.has("error")) {
        // a refused subscription leaves its quote to polling
        LOG.log(Level.FINE, "NUT-17: the mint refused a request");
      }
      return;
    }
    JsonNode params = message.path("params");
    JsonNode payload = params.path("payload");
    Consumer<MintQuoteState> callback;
    MintQuoteState state;
    synchronized (this) {
      Watch watch = bySub.get(params.path("subId").asText(""));
      if (watch == null || !watch.quoteId.equals(payload.path("quote").asText())) {
        return;
      }
      try {
        state = MintJson.mintQuote(payload).state();
      } catch (RuntimeException malformed) {
        return;
      }
      if (state == watch.last) {
        return;
      }
      watch.last = state;
      callback = watch.onState;
    }
    try {
      callback.accept(state);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A NUT-17 quote callback failed", e);
    }
  }

  private static final class Watch {
    final String quoteId;
    final String subId;
    Consumer<MintQuoteState> onState;
    MintQuoteState last;

    Watch(String quoteId, String subId, Consumer<MintQuoteState> onState) {
      this.quoteId = quoteId;
      this.subId = subId;
      this.onState = onState;
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket ws) {
      opened(ws);
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      heard(ws);
      if (partial.length() + data.length() > MAX_MESSAGE) {
        partial.setLength(0);
        lost(ws, "a message too large", null);
        return null;
      }
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        received(text);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      heard(ws);
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
      heard(ws); // the socket answers the ping itself
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      lost(ws, "closed by the mint, status " + statusCode, null);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      lost(ws, error.getClass().getSimpleName(), error);
    }
  }

  /** Settings of {@link QuoteSubscriptions}. */
  public static final class Builder {
    private final MintClient mint;
    private int maxSubscriptions = 1000;
    private Duration minBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration pingInterval = Duration.ofSeconds(20);
    private HttpClient httpClient;
    private ScheduledExecutorService scheduler;

    private Builder(MintClient mint) {
      this.mint = Objects.requireNonNull(mint);
    }

    /** The most quotes watched at once (default 1000); more are refused. */
    public Builder maxSubscriptions(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("at least one subscription");
      }
      this.maxSubscriptions = max;
      return this;
    }

    /** The first wait before reopening a lost socket (default 250 ms). */
    public Builder minBackoff(Duration wait) {
      this.minBackoff = positive(wait);
      return this;
    }

    /**
     * The longest wait before reopening a lost socket, and how long a mint without NUT-17 is
     * believed (default 30 s).
     */
    public Builder maxBackoff(Duration wait) {
      this.maxBackoff = positive(wait);
      return this;
    }

    /** How long opening the socket may take (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout);
      return this;
    }

    /**
     * How often an open socket is pinged (default 20 s); a socket silent for two intervals is
     * reopened.
     */
    public Builder pingInterval(Duration every) {
      this.pingInterval = positive(every);
      return this;
    }

    /** The HTTP client that opens the socket (default a new one). */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /**
     * Runs connection attempts on this scheduler (e.g. a container's), which the subscriptions do
     * not shut down (default a daemon thread of their own).
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    public QuoteSubscriptions build() {
      if (maxBackoff.compareTo(minBackoff) < 0) {
        throw new IllegalArgumentException("the longest backoff is below the first");
      }
      return new QuoteSubscriptions(this);
    }

    private static Duration positive(Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("a positive duration is required");
      }
      return d;
    }
  }
}
