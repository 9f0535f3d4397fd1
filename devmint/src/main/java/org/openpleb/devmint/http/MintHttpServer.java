package org.openpleb.devmint.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.devmint.DevMintControl;
import org.openpleb.devmint.MeltOutcome;
import org.openpleb.devmint.crypto.Secp256k1;
import org.openpleb.devmint.ledger.MintException;
import org.openpleb.devmint.ledger.MintKeyset;
import org.openpleb.devmint.ledger.MintLedger;
import org.openpleb.devmint.ledger.NutError;
import org.openpleb.devmint.wire.CheckStateRequest;
import org.openpleb.devmint.wire.ErrorResponse;
import org.openpleb.devmint.wire.KeysResponse;
import org.openpleb.devmint.wire.KeysetKeys;
import org.openpleb.devmint.wire.KeysetSummary;
import org.openpleb.devmint.wire.KeysetsResponse;
import org.openpleb.devmint.wire.MeltQuoteRequest;
import org.openpleb.devmint.wire.MeltRequest;
import org.openpleb.devmint.wire.MintQuoteRequest;
import org.openpleb.devmint.wire.MintRequest;
import org.openpleb.devmint.wire.RestoreRequest;
import org.openpleb.devmint.wire.SignaturesResponse;
import org.openpleb.devmint.wire.SwapRequest;

/**
 * The dev mint's HTTP server: NUT JSON under {@code /v1/}, test controls under {@code /dev/}, and,
 * unless switched off, NUT-17 WebSocket subscriptions at {@code /v1/ws} on the same port (through
 * the {@link FrontDoor}). Refusals are HTTP 400 {@code {"detail", "code"}}; armed faults turn /v1
 * answers into 500s, hangs or dropped connections.
 */
public final class MintHttpServer implements AutoCloseable {

  /** The warning every surface of the dev mint carries. */
  public static final String BANNER = "FAKE LIGHTNING — DEVELOPMENT ONLY";

  private static final Logger LOG = Logger.getLogger(MintHttpServer.class.getName());
  private static final int MAX_BODY = 4 * 1024 * 1024;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm and the
    // client's delayed ACK every answer would wait ~40 ms. Read once when the server first loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final MintLedger ledger;
  private final FaultPlan faults;
  private final DevMintControl control;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SubscriptionHub hub;
  private final FrontDoor door;

  /** Binds the server with NUT-17 on; call {@link #start()} to accept requests. */
  public MintHttpServer(
      MintLedger ledger, FaultPlan faults, DevMintControl control, InetSocketAddress address)
      throws IOException {
    this(ledger, faults, control, address, true);
  }

  /**
   * Binds the server; call {@link #start()} to accept requests.
   *
   * @param nut17 whether to offer NUT-17 subscriptions (advertised in /v1/info, at /v1/ws)
   */
  public MintHttpServer(
      MintLedger ledger,
      FaultPlan faults,
      DevMintControl control,
      InetSocketAddress address,
      boolean nut17)
      throws IOException {
    this.ledger = ledger;
    this.faults = faults;
    this.control = control;
    this.server = HttpServer.create(nut17 ? FrontDoor.loopback() : address, 64);
    AtomicInteger threads = new AtomicInteger();
    // A cached pool: a hung response (commit-then-timeout) must not block other requests.
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "devmint-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    if (nut17) {
      this.hub = new SubscriptionHub(ledger);
      try {
        this.door = new FrontDoor(address, server.getAddress(), hub, executor);
      } catch (IOException e) {
        hub.close();
        throw e;
      }
    } else {
      this.hub = null;
      this.door = null;
    }
  }

  public void start() {
    server.start();
    if (door != null) {
      door.start();
    }
  }

  /** The bound port (useful when 0 asked for an ephemeral one). */
  public int port() {
    return door != null ? door.port() : server.getAddress().getPort();
  }

  /** Whether NUT-17 subscriptions are offered. */
  public boolean offersSubscriptions() {
    return hub != null;
  }

  /** Something about a quote or proof changed: subscribers hear of it now rather than later. */
  public void stateChanged() {
    if (hub != null) {
      hub.poke();
    }
  }

  /**
   * Drops every NUT-17 socket without a close frame, as a broken network would.
   *
   * @return how many were dropped
   */
  public int dropSockets() {
    return hub == null ? 0 : hub.dropAll();
  }

  /**
   * Makes every open NUT-17 socket silent without closing it, as a forgotten connection would be.
   *
   * @return how many went silent
   */
  public int muteSockets() {
    return hub == null ? 0 : hub.muteAll();
  }

  /** Open NUT-17 sockets. */
  public int openSockets() {
    return hub == null ? 0 : hub.connections();
  }

  @Override
  public void close() {
    if (door != null) {
      door.close();
      hub.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith("/v1/")) {
        handleMint(exchange, path);
      } else if (path.startsWith("/dev/")) {
        handleDev(exchange, path);
      } else {
        send(exchange, 404, new ErrorResponse("not found", NutError.MALFORMED_REQUEST.code()));
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "devmint: client went away", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "devmint: request failed", e);
      trySend(exchange, 500, Map.of("detail", "internal error: " + e.getClass().getSimpleName()));
    } finally {
      exchange.close();
    }
  }

  // ---- /v1 ----

  private void handleMint(HttpExchange exchange, String path) throws IOException {
    if (faults.takeFailure()) {
      send(exchange, 500, Map.of("detail", "devmint: injected failure, nothing changed"));
      return;
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    List<String> parts = segments(path);
    Object result;
    boolean mutating = false;
    try {
      Route route = route(method, parts);
      if (route == null) {
        send(exchange, 404, new ErrorResponse("no such endpoint", 10000));
        return;
      }
      mutating = route.mutating();
      result = route.call(exchange);
    } catch (MintException e) {
      delayResponse();
      send(exchange, 400, new ErrorResponse(e.getMessage(), e.error().code()));
      return;
    }
    if (!method.equals("GET")) {
      stateChanged();
    }
    if (mutating) {
      FaultPlan.AfterCommit after = faults.takeAfterCommit();
      if (after instanceof FaultPlan.Drop) {
        LOG.info("devmint: committed, dropping the connection as asked");
        return; // closing the exchange without headers closes the connection
      }
      if (after instanceof FaultPlan.Hang hang) {
        LOG.info(() -> "devmint: committed, holding the response for " + hang.duration());
        if (!pause(hang.duration())) {
          return;
        }
      }
    }
    delayResponse();
    send(exchange, 200, result);
  }

  private interface Call {
    Object call(HttpExchange exchange) throws IOException;
  }

  private record Route(boolean mutating, Call body) {
    Object call(HttpExchange exchange) throws IOException {
      return body.call(exchange);
    }
  }

  private Route route(String method, List<String> p) {
    // p[0] is "v1"
    String joined = String.join("/", p.subList(1, p.size()));
    if (method.equals("GET")) {
      switch (joined) {
        case "info":
          return new Route(false, x -> info());
        case "keys":
          return new Route(false, x -> keys(ledger.activeKeysets()));
        case "keysets":
          return new Route(false, x -> keysets());
        default:
          break;
      }
      if (p.size() == 3 && p.get(1).equals("keys")) {
        return new Route(false, x -> keys(List.of(ledger.keyset(p.get(2)))));
      }
      if (p.size() == 5 && p.get(2).equals("quote") && p.get(3).equals("bolt11")) {
        if (p.get(1).equals("mint")) {
          return new Route(false, x -> ledger.mintQuote(p.get(4)));
        }
        if (p.get(1).equals("melt")) {
          return new Route(false, x -> ledger.meltQuote(p.get(4)));
        }
      }
      return null;
    }
    if (!method.equals("POST")) {
      return null;
    }
    return switch (joined) {
      case "mint/quote/bolt11" ->
          new Route(false, x -> ledger.createMintQuote(body(x, MintQuoteRequest.class)));
      case "mint/bolt11" ->
          new Route(true, x -> new SignaturesResponse(ledger.mint(body(x, MintRequest.class))));
      case "swap" ->
          new Route(true, x -> new SignaturesResponse(ledger.swap(body(x, SwapRequest.class))));
      case "checkstate" ->
          new Route(false, x -> ledger.checkState(body(x, CheckStateRequest.class).ys()));
      case "restore" ->
          new Route(false, x -> ledger.restore(body(x, RestoreRequest.class).outputs()));
      case "melt/quote/bolt11" ->
          new Route(false, x -> ledger.createMeltQuote(body(x, MeltQuoteRequest.class)));
      case "melt/bolt11" -> new Route(true, x -> ledger.melt(body(x, MeltRequest.class)));
      default -> null;
    };
  }

  private Object info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", "OpenPleb devmint (" + BANNER + ")");
    info.put("pubkey", ledger.nodePublicKey());
    info.put("version", "openpleb-devmint/0.1.0");
    info.put(
        "description", BANNER + ": a FakeWallet test mint. Its invoices are never really paid.");
    info.put(
        "description_long",
        "Every Lightning payment of this mint is simulated. Use it for tests and demos only; "
            + "ecash from it is worth nothing.");
    info.put("motd", BANNER);
    info.put("contact", List.of());
    info.put("time", ledger.clock().millis() / 1000);
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("method", "bolt11");
    method.put("unit", MintLedger.UNIT);
    method.put("min_amount", MintLedger.MIN_AMOUNT);
    method.put("max_amount", MintLedger.MAX_AMOUNT);
    Map<String, Object> mintMethod = new LinkedHashMap<>(method);
    mintMethod.put("options", Map.of("description", true));
    Map<String, Object> nuts = new LinkedHashMap<>();
    nuts.put("4", Map.of("methods", List.of(mintMethod), "disabled", false));
    nuts.put("5", Map.of("methods", List.of(method), "disabled", false));
    nuts.put("7", Map.of("supported", true));
    nuts.put("8", Map.of("supported", true));
    nuts.put("9", Map.of("supported", true));
    nuts.put("12", Map.of("supported", true));
    if (hub != null) {
      Map<String, Object> socket = new LinkedHashMap<>();
      socket.put("method", "bolt11");
      socket.put("unit", MintLedger.UNIT);
      socket.put("commands", SubscriptionHub.KINDS);
      nuts.put("17", Map.of("supported", List.of(socket)));
    }
    info.put("nuts", nuts);
    return info;
  }

  private static KeysResponse keys(List<MintKeyset> keysets) {
    List<KeysetKeys> out = new ArrayList<>();
    for (MintKeyset keyset : keysets) {
      Map<String, String> keys = new LinkedHashMap<>();
      keyset
          .publicKeys()
          .forEach((amount, key) -> keys.put(Long.toString(amount), Secp256k1.toHex(key)));
      out.add(
          new KeysetKeys(keyset.id(), keyset.unit(), keyset.active(), keyset.inputFeePpk(), keys));
    }
    return new KeysResponse(out);
  }

  private KeysetsResponse keysets() {
    return new KeysetsResponse(
        ledger.keysets().stream()
            .map(k -> new KeysetSummary(k.id(), k.unit(), k.active(), k.inputFeePpk()))
            .toList());
  }

  // ---- /dev ----

  private void handleDev(HttpExchange exchange, String path) throws IOException {
    if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
      send(exchange, 405, Map.of("detail", "control paths take POST"));
      return;
    }
    List<String> p = segments(path);
    try {
      Object result = devRoute(exchange, p);
      if (result == null) {
        send(exchange, 404, Map.of("detail", "no such control path"));
      } else {
        send(exchange, 200, result);
      }
    } catch (MintException e) {
      send(exchange, 400, new ErrorResponse(e.getMessage(), e.error().code()));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, new ErrorResponse(e.getMessage(), NutError.MALFORMED_REQUEST.code()));
    }
  }

  private Object devRoute(HttpExchange exchange, List<String> p) throws IOException {
    if (p.size() == 4 && p.get(1).equals("quotes") && p.get(3).equals("pay")) {
      control.markQuotePaid(p.get(2));
      return Map.of("paid", true);
    }
    String joined = String.join("/", p.subList(1, p.size()));
    switch (joined) {
      case "invoice" -> {
        JsonNode body = body(exchange, JsonNode.class);
        return Map.of("request", control.createInvoice(requireLong(body, "amount")));
      }
      case "faults" -> {
        applyFaults(body(exchange, JsonNode.class));
        return Map.of("ok", true);
      }
      case "keysets/rotate" -> {
        JsonNode body = optionalBody(exchange);
        long fee = body.path("input_fee_ppk").asLong(0);
        return Map.of("id", control.rotateKeyset(fee));
      }
      case "melts/settle" -> {
        JsonNode body = optionalBody(exchange);
        control.settlePendingMelts(body.path("success").asBoolean(true));
        return Map.of("ok", true);
      }
      case "totals" -> {
        // read-only, under the control paths' POST like the rest of /dev/
        return control.totals();
      }
      case "sockets/drop" -> {
        return Map.of("dropped", control.dropSockets());
      }
      case "sockets/mute" -> {
        return Map.of("muted", control.muteSockets());
      }
      case "clock/advance" -> {
        JsonNode body = body(exchange, JsonNode.class);
        control.advanceClock(Duration.ofSeconds(requireLong(body, "seconds")));
        return Map.of("ok", true);
      }
      default -> {
        return null;
      }
    }
  }

  private void applyFaults(JsonNode body) {
    if (!(body instanceof ObjectNode)) {
      throw new IllegalArgumentException("faults body must be a JSON object");
    }
    if (body.path("reset").asBoolean(false)) {
      control.reset();
    }
    if (body.has("fail_next")) {
      control.failNextRequests((int) requireLong(body, "fail_next"));
    }
    if (body.has("commit_then_timeout_ms")) {
      control.commitNextThenTimeout(Duration.ofMillis(requireLong(body, "commit_then_timeout_ms")));
    }
    if (body.path("commit_then_drop").asBoolean(false)) {
      control.commitNextThenDrop();
    }
    if (body.has("delay_ms")) {
      control.setResponseDelay(Duration.ofMillis(requireLong(body, "delay_ms")));
    }
    if (body.has("melt_outcome")) {
      control.setMeltOutcome(
          MeltOutcome.valueOf(body.get("melt_outcome").asText().toUpperCase(Locale.ROOT)));
    }
    if (body.has("melt_actual_fee")) {
      control.setMeltActualFee(requireLong(body, "melt_actual_fee"));
    }
    if (body.has("auto_pay")) {
      control.setAutoPay(body.get("auto_pay").asBoolean());
    }
  }

  private static long requireLong(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be a number");
    }
    return value.asLong();
  }

  // ---- plumbing ----

  private static <T> T body(HttpExchange exchange, Class<T> type) throws IOException {
    byte[] bytes = readBody(exchange);
    if (bytes.length == 0) {
      throw new MintException(NutError.MALFORMED_REQUEST, "request body is required");
    }
    try {
      T value = JSON.readValue(bytes, type);
      if (value == null) {
        throw new MintException(NutError.MALFORMED_REQUEST, "request body is required");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new MintException(NutError.MALFORMED_REQUEST, "malformed JSON body");
    }
  }

  private static JsonNode optionalBody(HttpExchange exchange) throws IOException {
    byte[] bytes = readBody(exchange);
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new MintException(NutError.MALFORMED_REQUEST, "malformed JSON body");
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new MintException(NutError.MALFORMED_REQUEST, "request body too large");
      }
      return bytes;
    }
  }

  private static List<String> segments(String rawPath) {
    List<String> parts = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        parts.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  private void delayResponse() {
    pause(faults.responseDelay());
  }

  /** Sleeps; false if the server is shutting down. */
  private static boolean pause(Duration duration) {
    if (duration.isZero()) {
      return true;
    }
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void trySend(HttpExchange exchange, int status, Object body) {
    try {
      send(exchange, status, body);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "devmint: could not send the error response", e);
    }
  }
}
