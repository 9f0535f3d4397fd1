package org.openpleb.devmint.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.devmint.ledger.MintException;
import org.openpleb.devmint.ledger.MintLedger;

/**
 * NUT-17 for the dev mint: JSON-RPC 2.0 {@code subscribe} and {@code unsubscribe} over WebSockets
 * for the kinds {@value #MINT_QUOTE}, {@value #MELT_QUOTE} and {@value #PROOF_STATE}. Each filter's
 * current state is sent right after subscribing, and again whenever it changes: a watcher thread
 * compares what each subscription last got with what the ledger says now, every {@link
 * #TICK_MILLIS} ms (the fake payer pays on the mint clock, nobody tells the hub) and at once when
 * something poked it (a control paid a quote, a /v1 request changed something). Bounded: {@value
 * #MAX_CONNECTIONS} sockets, {@value #MAX_FILTERS} filters per socket.
 */
final class SubscriptionHub implements AutoCloseable {

  static final String MINT_QUOTE = "bolt11_mint_quote";
  static final String MELT_QUOTE = "bolt11_melt_quote";
  static final String PROOF_STATE = "proof_state";

  /** The kinds this hub serves, as advertised under {@code nuts."17"}. */
  static final List<String> KINDS = List.of(MINT_QUOTE, MELT_QUOTE, PROOF_STATE);

  static final int MAX_CONNECTIONS = 256;
  static final int MAX_FILTERS = 1000;
  static final int MAX_FILTER_LENGTH = 256;
  static final int MAX_SUB_ID_LENGTH = 128;
  static final long TICK_MILLIS = 200;

  private static final Logger LOG = Logger.getLogger(SubscriptionHub.class.getName());

  private final MintLedger ledger;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  private final Object wake = new Object();
  private final Thread watcher;
  private boolean poked;
  private volatile boolean stopped;

  SubscriptionHub(MintLedger ledger) {
    this.ledger = ledger;
    this.watcher = new Thread(this::watch, "devmint-nut17");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Serves one upgraded connection until it ends; refuses it (close 1013) when the hub is full. */
  void serve(WebSocketConnection socket) {
    Client client = new Client(socket);
    synchronized (clients) {
      if (clients.size() >= MAX_CONNECTIONS) {
        socket.closeWith(1013, "too many subscribers");
        return;
      }
      clients.add(client);
    }
    poke(); // the watcher thread may be asleep for want of sockets
    try {
      socket.readLoop(client::onText);
    } finally {
      clients.remove(client);
    }
  }

  /** Something may have changed: look at every subscription now. */
  void poke() {
    synchronized (wake) {
      poked = true;
      wake.notifyAll();
    }
  }

  /** Drops every socket at once, without a close frame: the test control of a broken network. */
  int dropAll() {
    int dropped = 0;
    for (Client c : clients) {
      c.socket.close();
      dropped++;
    }
    return dropped;
  }

  /** Makes every open socket silent, still open: the test control of a forgotten connection. */
  int muteAll() {
    int muted = 0;
    for (Client c : clients) {
      c.socket.mute();
      muted++;
    }
    return muted;
  }

  /** Open sockets. */
  int connections() {
    return clients.size();
  }

  @Override
  public void close() {
    stopped = true;
    dropAll();
    watcher.interrupt();
  }

  private void watch() {
    while (!stopped) {
      synchronized (wake) {
        if (!poked) {
          try {
            // no sockets, nothing to compare: sleep until one comes (it pokes)
            wake.wait(clients.isEmpty() ? 0 : TICK_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
        poked = false;
      }
      for (Client c : clients) {
        try {
          c.refresh();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "devmint: a NUT-17 refresh failed", e);
        }
      }
    }
  }

  /** The payload a GET of this filter would answer, or null when the mint knows no such thing. */
  private String payload(String kind, String filter) {
    try {
      Object state =
          switch (kind) {
            case MINT_QUOTE -> ledger.mintQuote(filter);
            case MELT_QUOTE -> ledger.meltQuote(filter);
            default -> ledger.checkState(List.of(filter)).states().get(0);
          };
      return MintHttpServer.JSON.writeValueAsString(state);
    } catch (MintException | IllegalArgumentException | JsonProcessingException unknown) {
      return null;
    }
  }

  private record Subscription(String kind, Map<String, String> lastSent) {}

  /** One socket and its subscriptions. */
  private final class Client {
    private final WebSocketConnection socket;
    private final Map<String, Subscription> subs = new LinkedHashMap<>();
    private int filters;

    Client(WebSocketConnection socket) {
      this.socket = socket;
    }

    void onText(String text) {
      JsonNode request;
      try {
        request = MintHttpServer.JSON.readTree(text);
      } catch (JsonProcessingException e) {
        error(null, -32700, "Parse error");
        return;
      }
      if (request == null || !request.isObject()) {
        error(null, -32600, "Invalid Request");
        return;
      }
      JsonNode id = request.get("id");
      if (!"2.0".equals(request.path("jsonrpc").asText())
          || !request.path("method").isTextual()
          || !request.path("params").isObject()
          || id == null
          || !(id.isIntegralNumber() || id.isTextual())) {
        error(
            id != null && (id.isIntegralNumber() || id.isTextual()) ? id : null,
            -32600,
            "Invalid Request");
        return;
      }
      JsonNode params = request.get("params");
      switch (request.get("method").asText()) {
        case "subscribe" -> subscribe(id, params);
        case "unsubscribe" -> unsubscribe(id, params);
        default -> error(id, -32601, "Method not found");
      }
    }

    private void subscribe(JsonNode id, JsonNode params) {
      String kind = params.path("kind").asText("");
      JsonNode subIdNode = params.get("subId");
      JsonNode filterNode = params.get("filters");
      if (!KINDS.contains(kind)
          || subIdNode == null
          || !subIdNode.isTextual()
          || subIdNode.asText().isEmpty()
          || subIdNode.asText().length() > MAX_SUB_ID_LENGTH
          || filterNode == null
          || !filterNode.isArray()
          || filterNode.isEmpty()) {
        error(id, -32602, "Invalid params");
        return;
      }
      List<String> wanted = new ArrayList<>();
      for (JsonNode f : filterNode) {
        if (!f.isTextual() || f.asText().isEmpty() || f.asText().length() > MAX_FILTER_LENGTH) {
          error(id, -32602, "Invalid params");
          return;
        }
        wanted.add(f.asText());
      }
      String subId = subIdNode.asText();
      Subscription sub;
      synchronized (this) {
        if (subs.containsKey(subId)) {
          error(id, -32602, "subId already in use");
          return;
        }
        if (filters + wanted.size() > MAX_FILTERS) {
          error(id, -32602, "too many subscriptions on this connection");
          return;
        }
        Map<String, String> lastSent = new LinkedHashMap<>();
        for (String filter : wanted) {
          lastSent.put(filter, null);
        }
        sub = new Subscription(kind, lastSent);
        subs.put(subId, sub);
        filters += lastSent.size();
        ObjectNode result = MintHttpServer.JSON.createObjectNode();
        result.put("status", "OK").put("subId", subId);
        answer(id, result);
        // the current state of each filter right after the answer, as NUT-17 asks
        notifyChanges(subId, sub);
      }
    }

    private void unsubscribe(JsonNode id, JsonNode params) {
      String subId = params.path("subId").asText("");
      synchronized (this) {
        Subscription removed = subs.remove(subId);
        if (removed == null) {
          error(id, -32602, "no such subscription");
          return;
        }
        filters -= removed.lastSent().size();
        ObjectNode result = MintHttpServer.JSON.createObjectNode();
        result.put("status", "OK").put("subId", subId);
        answer(id, result);
      }
    }

    synchronized void refresh() {
      for (Map.Entry<String, Subscription> e : subs.entrySet()) {
        notifyChanges(e.getKey(), e.getValue());
      }
    }

    private void notifyChanges(String subId, Subscription sub) {
      for (Map.Entry<String, String> f : sub.lastSent().entrySet()) {
        String now = payload(sub.kind(), f.getKey());
        if (now == null || now.equals(f.getValue())) {
          continue;
        }
        f.setValue(now);
        socket.sendText(
            "{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":{\"subId\":"
                + quoted(subId)
                + ",\"payload\":"
                + now
                + "}}");
      }
    }

    private void answer(JsonNode id, JsonNode result) {
      ObjectNode out = MintHttpServer.JSON.createObjectNode();
      out.put("jsonrpc", "2.0");
      out.set("result", result);
      out.set("id", id);
      send(out);
    }

    private void error(JsonNode id, int code, String message) {
      ObjectNode out = MintHttpServer.JSON.createObjectNode();
      out.put("jsonrpc", "2.0");
      out.putObject("error").put("code", code).put("message", message);
      out.set("id", id == null ? MintHttpServer.JSON.nullNode() : id);
      send(out);
    }

    private void send(JsonNode node) {
      try {
        socket.sendText(MintHttpServer.JSON.writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String quoted(String text) {
    try {
      return MintHttpServer.JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
