package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * The server as its worst user meets it: more than a thousand malformed or hostile requests across
 * every endpoint — wrong JSON types, duplicate and unknown fields, control characters, absurd
 * numbers, oversized bodies and headers, broken paths and media types, forged and replayed tokens,
 * strangers acting on other people's trades — while readiness is watched. Every answer must be a
 * 4xx problem document with a stable code, no answer a 5xx, readiness UP throughout, and the books
 * (sessions, offers, wallets, treasury, every table a request could write) exactly as before.
 *
 * <p>Each hostile request comes from its own address (this machine is trusted as a proxy), so the
 * per-address limits let it through to the checks it is aimed at instead of refusing it early.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class HostileInputIT {

  private static final Books BOOKS = new Books();
  private static final HexFormat HEX = HexFormat.of();
  private static final long SEED = 20261207L;
  private static final Set<String> CODES =
      EnumSet.allOf(ProblemCode.class).stream().map(Enum::name).collect(Collectors.toSet());

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OPENPLEB_TRUSTED_PROXIES=" + ItAdmission.localAddresses() + "\nOFFER_OPEN_LIMIT=10\n");
  }

  @ArquillianResource URL base;

  /** The people and trades the attacks aim at, made honestly before the attacks start. */
  private record World(
      Session maker,
      Session taker,
      Session otherTaker,
      Session stranger,
      String admin,
      String funded,
      String receiptSubmitted,
      String issueMarked,
      String disputed,
      String claimed,
      String spentToken) {}

  /** A field of a request body and the JSON type it must have. */
  private enum Kind {
    LONG,
    STRING,
    BOOL,
    DECIMAL
  }

  private record Field(String name, Kind kind, boolean required) {}

  /** A JSON endpoint: who calls it, a body of the right shape, and the fields of that body. */
  private record Endpoint(String path, String token, ObjectNode body, List<Field> fields) {}

  /**
   * One hostile request: a label for the report, the raw head and body, and whether it breaks HTTP
   * itself (a head too long or malformed, a body where HTTP allows none), which Payara's HTTP
   * listener refuses before any application code runs.
   */
  private record Attack(String label, String head, byte[] body, boolean malformedHttp) {
    Attack(String label, String head, byte[] body) {
      this(label, head, body, false);
    }

    Attack asMalformedHttp() {
      return new Attack(label, head, body, true);
    }

    /** The same request, whose answer must be problem+json even so (the front proxy's). */
    Attack strictly() {
      return new Attack("front: " + label, head, body, false);
    }
  }

  @Test
  void everyHostileRequestIsRefusedCleanlyAndChangesNothing() throws Exception {
    TradeClient api = new TradeClient(base);
    World world = world(api);
    Map<String, Object> before = snapshot(api, world);

    List<Attack> attacks = attacks(world);
    assertTrue(attacks.size() >= 1000, "only " + attacks.size() + " hostile requests");
    List<String> failures = sendAll(api, new RawHttp(base), attacks);

    assertTrue(
        failures.isEmpty(),
        () -> failures.size() + " hostile requests broke the rules:\n" + summary(failures));
    assertEquals(before, snapshot(api, world), "a hostile request changed the books");
    BOOKS.check(api);
  }

  /**
   * Through the shipped front proxy ({@code config/haproxy/openpleb.cfg}), as an operator deploys
   * the server, even the messages Payara's listener refuses bare, the malformed percent escapes
   * Payara mishandles and the operator-only endpoints are answered with problem+json.
   */
  @Test
  void behindTheShippedFrontProxyEveryRefusalIsProblemJson() throws Exception {
    TradeClient api = new TradeClient(base);
    World world = world(api);
    Map<String, Object> before = snapshot(api, world);

    List<Attack> attacks = new ArrayList<>();
    for (Attack attack : attacks(world)) {
      if (attack.malformedHttp()) {
        attacks.add(attack.strictly());
      }
    }
    for (String path :
        List.of(
            "api/%ZZ",
            "api/%",
            "api/offers/%4",
            "api/offers/%G0",
            "api/offers/%e2%82%ac",
            "api/offers/%7F",
            "metrics",
            "metrics/application",
            "health",
            "health/ready",
            "health/live")) {
      attacks.add(get("front: GET /" + path, path, world.maker().token()));
    }
    attacks.add(
        new Attack(
            "front: CONNECT",
            "CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1:5432\r\n" + forwardedFor(),
            null));
    StringBuilder tiny = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      tiny.append('a').append(i).append(":b\r\n");
    }
    attacks.add(
        new Attack(
            "front: 101 tiny headers", head("GET", "api/info", null, null, -1, null) + tiny, null));
    List<String> failures;
    try (FrontProxy front = FrontProxy.start(base, TradeClient.dataDir().resolve("front"))) {
      assertEquals(
          200,
          new TradeClient(front.url()).get("api/info", null).statusCode(),
          "an honest request passes the front");
      failures = sendAll(api, new RawHttp(front.url()), attacks);
      // HTTP/0.9 has no status line or headers: its answer is the problem document alone
      try (Socket socket = new Socket("127.0.0.1", front.port())) {
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write("GET /api/info\r\n".getBytes(StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!answer.startsWith("{")
            || !"BAD_REQUEST".equals(JSON.readTree(answer).path("code").asText())) {
          failures.add("front: HTTP/0.9 request → " + abbreviate(answer));
        }
      }
    }
    System.out.println("HostileInputIT: " + attacks.size() + " requests through the front proxy");

    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size() + " requests through the front broke the rules:\n" + summary(failures));
    assertEquals(before, snapshot(api, world), "a hostile request changed the books");
  }

  /** Every hostile request of the suite, aimed at {@code world}. */
  private List<Attack> attacks(World world) throws Exception {
    List<Attack> attacks = new ArrayList<>();
    List<Endpoint> endpoints = endpoints(world);
    for (Endpoint endpoint : endpoints) {
      attacks.addAll(fieldAttacks(endpoint));
      attacks.addAll(bodyAttacks(endpoint));
      attacks.addAll(authAttacks(endpoint));
    }
    attacks.addAll(tokenAttacks(world));
    attacks.addAll(partyAttacks(world));
    attacks.addAll(pathAttacks(world));
    attacks.addAll(headerAttacks(world));
    attacks.addAll(generated(endpoints, new Random(SEED), 400));
    return attacks;
  }

  /**
   * Sends {@code attacks} one by one while a watcher polls readiness directly at the server; the
   * answers that break the contract, and any readiness failure, as failures.
   */
  private List<String> sendAll(TradeClient api, RawHttp http, List<Attack> attacks)
      throws Exception {
    List<String> failures = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger notReady = new AtomicInteger();
    AtomicInteger readyChecks = new AtomicInteger();
    Thread watch =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  HttpResponse<String> ready = api.get("health/ready", null);
                  readyChecks.incrementAndGet();
                  if (ready.statusCode() != 200) {
                    notReady.incrementAndGet();
                  }
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  notReady.incrementAndGet();
                }
              }
            },
            "readiness-watch");
    watch.start();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    try {
      for (Attack attack : attacks) {
        String verdict;
        try {
          RawHttp.Answer answer = http.send(attack.head(), attack.body());
          statuses.merge(answer.status(), 1, Integer::sum);
          verdict = judge(answer, attack.malformedHttp());
        } catch (Exception e) {
          verdict = "no answer: " + e;
        }
        if (verdict != null) {
          failures.add(attack.label() + " → " + verdict);
        }
      }
    } finally {
      done.set(true);
      watch.join(10_000);
    }
    System.out.println(
        "HostileInputIT: " + attacks.size() + " hostile requests, statuses " + statuses);
    if (readyChecks.get() == 0) {
      failures.add("readiness → never checked");
    }
    if (notReady.get() > 0) {
      failures.add("readiness → DOWN " + notReady.get() + " times during the attacks");
    }
    return failures;
  }

  /** The failures grouped by what went wrong, a few examples each. */
  private static String summary(List<String> failures) {
    Map<String, List<String>> byKind = new java.util.TreeMap<>();
    for (String failure : failures) {
      String verdict = failure.substring(failure.indexOf(" → ") + 3);
      String[] words = verdict.split("[ :]", 3);
      String kind = words.length > 1 ? words[0] + " " + words[1] : verdict;
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(failure);
    }
    StringBuilder text = new StringBuilder();
    byKind.forEach(
        (kind, list) -> {
          text.append(list.size()).append(" × ").append(kind).append('\n');
          list.stream().limit(4).forEach(f -> text.append("    ").append(f).append('\n'));
        });
    return text.toString();
  }

  /** Null when the answer keeps the contract, else what is wrong with it. */
  private static String judge(RawHttp.Answer answer, boolean malformedHttp) {
    if (answer.status() < 400 || answer.status() > 499) {
      return "status " + answer.status() + " " + abbreviate(answer.body());
    }
    String type = answer.header("Content-Type");
    if (malformedHttp && type == null && answer.body().isEmpty()) {
      // The listener's own refusal of a message that is not valid HTTP to it: a bare 4xx status
      // line, which must still carry no banner.
      return banner(answer);
    }
    if (type == null || !type.split(";")[0].trim().equals("application/problem+json")) {
      return answer.status() + " with Content-Type " + type + ": " + abbreviate(answer.body());
    }
    String banner = banner(answer);
    if (banner != null) {
      return banner;
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (Exception e) {
      return "problem body is not JSON: " + abbreviate(answer.body());
    }
    String code = problem.path("code").asText("");
    if (!CODES.contains(code)) {
      return "unstable code '" + code + "': " + abbreviate(answer.body());
    }
    if (problem.has("status") && problem.path("status").asInt() != answer.status()) {
      return "problem status " + problem.path("status") + " on HTTP " + answer.status();
    }
    if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
      return "internals in the body: " + abbreviate(answer.body());
    }
    return null;
  }

  /** What product banner the answer carries, or null. */
  private static String banner(RawHttp.Answer answer) {
    if (answer.header("X-Powered-By") != null) {
      return "banner X-Powered-By: " + answer.header("X-Powered-By");
    }
    String server = answer.header("Server");
    if (server != null && !server.isBlank()) {
      return "banner Server: " + server;
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  // --- the world the attacks aim at ------------------------------------------------------------

  private World world(TradeClient api) throws Exception {
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();
    Session otherTaker = api.login();
    Session stranger = api.login();
    api.deposit(maker, 5_000, BOOKS);
    api.deposit(stranger, 3_000, BOOKS);

    String funded = api.fundedOffer(maker, 10_000, BOOKS);
    String receiptSubmitted = claimedWithReceipt(api, maker, taker);
    String issueMarked = claimedWithReceipt(api, maker, taker);
    api.feedback(maker, issueMarked, "ISSUE", "nothing arrived");
    String disputed = claimedWithReceipt(api, maker, otherTaker);
    api.feedback(maker, disputed, "ISSUE", "nothing arrived");
    HttpResponse<String> counter =
        api.post(
            "api/offers/" + disputed + "/answer",
            otherTaker.token(),
            JSON.createObjectNode().put("response", "COUNTER").put("message", "I paid").toString());
    assertEquals(200, counter.statusCode(), counter::body);
    String claimed = api.fundedOffer(maker, 10_000, BOOKS);
    JsonNode offer = TradeClient.json(api.get("api/offers/" + claimed, maker.token()));
    api.deposit(otherTaker, offer.path("bond").asLong(), BOOKS);
    api.claim(otherTaker, claimed);

    // A token the platform already took: every later use of it is a replay.
    String spentToken = TradeMint.get().token(64);
    HttpResponse<String> in =
        api.post(
            "api/wallet/deposits/token",
            stranger.token(),
            JSON.createObjectNode().put("token", spentToken).toString());
    assertEquals(200, in.statusCode(), in::body);
    BOOKS.deposited(64);
    return new World(
        maker,
        taker,
        otherTaker,
        stranger,
        admin,
        funded,
        receiptSubmitted,
        issueMarked,
        disputed,
        claimed,
        spentToken);
  }

  private static String claimedWithReceipt(TradeClient api, Session maker, Session taker)
      throws Exception {
    String id = api.fundedOffer(maker, 10_000, BOOKS);
    JsonNode offer = TradeClient.json(api.get("api/offers/" + id, maker.token()));
    api.deposit(taker, offer.path("bond").asLong(), BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());
    return id;
  }

  /** Everything a hostile request could have changed, as the API and the database show it. */
  private static Map<String, Object> snapshot(TradeClient api, World world) throws Exception {
    Map<String, Object> state = new LinkedHashMap<>();
    for (Session s : List.of(world.maker(), world.taker(), world.otherTaker(), world.stranger())) {
      JsonNode wallet = api.wallet(s);
      state.put(
          "wallet." + s.pubkey(),
          wallet.path("spendable").asLong()
              + "/"
              + wallet.path("reserved").asLong()
              + "/"
              + wallet.path("inflight").asLong());
      HttpResponse<String> session = api.get("api/sessions/current", s.token());
      state.put("session." + s.pubkey(), session.statusCode());
    }
    for (String id :
        List.of(
            world.funded(),
            world.receiptSubmitted(),
            world.issueMarked(),
            world.disputed(),
            world.claimed())) {
      state.put("offer." + id, api.status(id, world.admin()));
    }
    HttpResponse<String> treasury = api.get("api/admin/treasury", world.admin());
    assertEquals(200, treasury.statusCode(), treasury::body);
    state.put("treasury", TradeClient.json(treasury).path("spendable").asLong());
    JsonNode counts = api.support("GET", "counts");
    counts.fields().forEachRemaining(e -> state.put("db." + e.getKey(), e.getValue().asText()));
    long held = 0;
    for (JsonNode wallet : api.support("GET", "books")) {
      for (JsonNode proof : wallet.path("live")) {
        held += proof.path("amount").asLong();
      }
    }
    state.put("held", held);
    return state;
  }

  // --- the endpoints and their fields ------------------------------------------------------------

  private static ObjectNode body() {
    return JSON.createObjectNode();
  }

  private static List<Endpoint> endpoints(World w) {
    String fakeChallenge = HEX.formatHex(new byte[32]).replace('0', 'a');
    String fakeSignature = "b".repeat(128);
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(
        new Endpoint(
            "api/sessions",
            null,
            body()
                .put("pubkey", w.maker().pubkey())
                .put("challenge", fakeChallenge)
                .put("signature", fakeSignature),
            List.of(
                new Field("pubkey", Kind.STRING, true),
                new Field("challenge", Kind.STRING, true),
                new Field("signature", Kind.STRING, true))));
    endpoints.add(
        new Endpoint(
            "api/admin/sessions",
            null,
            body().put("user", "intruder").put("password", "guess"),
            List.of(
                new Field("user", Kind.STRING, true), new Field("password", Kind.STRING, true))));
    endpoints.add(
        new Endpoint(
            "api/pricing/quote",
            null,
            body().put("fiatAmount", 10_000).put("btcPrice", 150_000_000),
            List.of(
                new Field("fiatAmount", Kind.LONG, true),
                new Field("btcPrice", Kind.DECIMAL, false))));
    endpoints.add(
        new Endpoint(
            "api/wallet/deposits/lightning",
            w.maker().token(),
            body().put("amount", 1_000),
            List.of(new Field("amount", Kind.LONG, true))));
    endpoints.add(
        new Endpoint(
            "api/wallet/deposits/token",
            w.maker().token(),
            body().put("token", w.spentToken()),
            List.of(new Field("token", Kind.STRING, true))));
    endpoints.add(
        new Endpoint(
            "api/wallet/withdrawals/token",
            w.maker().token(),
            body().put("amount", 10).put("lockToSessionKey", true),
            List.of(
                new Field("amount", Kind.LONG, true),
                new Field("lockToSessionKey", Kind.BOOL, false),
                new Field("walletId", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/wallet/withdrawals/lightning",
            w.maker().token(),
            body().put("invoice", "lnbc10n1notaninvoice"),
            List.of(
                new Field("invoice", Kind.STRING, true),
                new Field("walletId", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/offers",
            w.maker().token(),
            body().put("fiatAmount", 10_000).put("qrCode", "bank-qr").put("fiatProvider", "bank"),
            List.of(
                new Field("fiatAmount", Kind.LONG, true),
                new Field("qrCode", Kind.STRING, true),
                new Field("fiatProvider", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/offers/" + w.funded() + "/funding",
            w.maker().token(),
            body().put("source", "BALANCE"),
            List.of(
                new Field("source", Kind.STRING, true), new Field("token", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/offers/" + w.funded() + "/claim",
            w.stranger().token(),
            body(),
            List.of(new Field("bondToken", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/offers/" + w.receiptSubmitted() + "/feedback",
            w.maker().token(),
            body().put("verdict", "APPROVE").put("feedback", "ok"),
            List.of(
                new Field("verdict", Kind.STRING, true),
                new Field("feedback", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/offers/" + w.issueMarked() + "/answer",
            w.taker().token(),
            body().put("response", "COUNTER").put("message", "I paid"),
            List.of(
                new Field("response", Kind.STRING, true),
                new Field("message", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/admin/disputes/" + w.disputed() + "/resolution",
            w.admin(),
            body().put("resolution", "RETURN").put("reason", "both unclear"),
            List.of(
                new Field("resolution", Kind.STRING, true),
                new Field("reason", Kind.STRING, false))));
    endpoints.add(
        new Endpoint(
            "api/admin/treasury/withdrawals",
            w.admin(),
            body().put("amount", 1),
            List.of(new Field("amount", Kind.LONG, true))));
    return endpoints;
  }

  // --- attacks -------------------------------------------------------------------------------

  /** Values of the wrong JSON type for a field of {@code kind}: each must be refused. */
  private static List<String> wrongValues(Kind kind) {
    List<String> common = List.of("[]", "{}", "[1]", "{\"a\":1}");
    List<String> values = new ArrayList<>(common);
    switch (kind) {
      case LONG ->
          values.addAll(
              List.of(
                  "\"100\"",
                  "1.9999",
                  "0.5",
                  "true",
                  "false",
                  "9223372036854775808",
                  "-9223372036854775809",
                  "1e400",
                  "-1e400",
                  "\"\"",
                  "\"1e3\""));
      case STRING -> values.addAll(List.of("1", "0", "true", "false", "1.5", "-1"));
      case BOOL ->
          values.addAll(List.of("1", "0", "\"yes\"", "\"false\"", "\"true\"", "\"\"", "1.0"));
      case DECIMAL ->
          values.addAll(
              List.of(
                  "\"150000000\"",
                  "true",
                  "1e-30",
                  "1e308",
                  "-1",
                  "1e-1000000000",
                  "1e1000000000",
                  "\"NaN\""));
    }
    return values;
  }

  /** Text values no field may hold: control characters, which no human-written field needs. */
  private static List<String> badTexts() {
    return List.of("\"\\u0000\"", "\"ok\\u0000\"", "\"a\\u0000b\"", "\"\\u0007bell\"");
  }

  private List<Attack> fieldAttacks(Endpoint endpoint) {
    List<Attack> attacks = new ArrayList<>();
    for (Field field : endpoint.fields()) {
      List<String> values = new ArrayList<>(wrongValues(field.kind()));
      if (field.kind() == Kind.STRING) {
        values.addAll(badTexts());
      }
      if (field.required()) {
        values.add("null");
      }
      for (String value : values) {
        attacks.add(
            json(
                endpoint.path() + " " + field.name() + "=" + value,
                endpoint.path(),
                endpoint.token(),
                withRaw(endpoint.body(), field.name(), value)));
      }
      if (field.required()) {
        ObjectNode missing = endpoint.body().deepCopy();
        missing.remove(field.name());
        attacks.add(
            json(
                endpoint.path() + " without " + field.name(),
                endpoint.path(),
                endpoint.token(),
                missing.toString()));
      }
    }
    return attacks;
  }

  /** {@code body} with {@code field} set to the raw JSON text {@code value}. */
  private static String withRaw(ObjectNode body, String field, String value) {
    ObjectNode copy = body.deepCopy();
    copy.remove(field);
    String rest = copy.toString();
    String member = "\"" + field + "\":" + value;
    return rest.equals("{}") ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
  }

  private List<Attack> bodyAttacks(Endpoint endpoint) {
    String path = endpoint.path();
    String token = endpoint.token();
    String valid = endpoint.body().toString();
    List<Attack> attacks = new ArrayList<>();
    String first = endpoint.fields().get(0).name();
    String inner = valid.equals("{}") ? "" : valid.substring(1, valid.length() - 1);
    String sep = inner.isEmpty() ? "" : ",";
    attacks.add(json(path + " unknown field", path, token, "{" + inner + sep + "\"extra\":1}"));
    attacks.add(
        json(path + " __proto__", path, token, "{" + inner + sep + "\"__proto__\":{\"a\":1}}"));
    String again =
        endpoint.body().has(first)
            ? "\"" + first + "\":" + endpoint.body().path(first)
            : "\"" + first + "\":\"x\",\"" + first + "\":\"y\"";
    attacks.add(json(path + " duplicate key", path, token, "{" + inner + sep + again + "}"));
    attacks.add(
        json(
            path + " case-twisted key",
            path,
            token,
            "{" + inner + sep + "\"" + first.toUpperCase() + "\":1}"));
    for (String broken :
        List.of(
            "{",
            "}",
            "[]",
            "null",
            "42",
            "\"text\"",
            "true",
            "{\"a\":",
            "{'single':1}",
            "{\"a\":1}}",
            valid + "garbage",
            valid + valid,
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\ud800\"}",
            "/* comment */" + valid,
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))) {
      attacks.add(json(path + " body " + abbreviate(broken), path, token, broken));
    }
    attacks.add(
        raw(
            path + " invalid UTF-8",
            "POST",
            path,
            token,
            "application/json",
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
    attacks.add(raw(path + " empty body", "POST", path, token, "application/json", new byte[0]));
    attacks.add(
        raw(path + " 100 KiB body", "POST", path, token, "application/json", padded(valid, 100)));
    attacks.add(
        raw(
            path + " 3 MiB body",
            "POST",
            path,
            token,
            "application/json",
            padded(valid, 3 * 1024)));
    for (String type :
        new String[] {
          null,
          "",
          "text/plain",
          "application/xml",
          ";;;",
          "application/json; charset=ebcdic",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded",
          "image/png",
          "*/*",
          "application/json\u0001"
        }) {
      Attack attack =
          raw(
              path + " Content-Type " + type,
              "POST",
              path,
              token,
              type,
              valid.getBytes(StandardCharsets.UTF_8));
      // a control character in a header value is not HTTP
      attacks.add(type != null && type.indexOf('\u0001') >= 0 ? attack.asMalformedHttp() : attack);
    }
    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      Attack attack =
          raw(
              path + " " + method,
              method,
              path,
              token,
              "application/json",
              valid.getBytes(StandardCharsets.UTF_8));
      // the listener takes no body with a DELETE
      attacks.add(method.equals("DELETE") ? attack.asMalformedHttp() : attack);
    }
    return attacks;
  }

  /** A JSON body of about {@code kib} KiB: the valid body after that much white space. */
  private static byte[] padded(String valid, int kib) {
    return (" ".repeat(kib * 1024) + valid).getBytes(StandardCharsets.UTF_8);
  }

  private List<Attack> authAttacks(Endpoint endpoint) {
    if (endpoint.token() == null) {
      return List.of();
    }
    String path = endpoint.path();
    byte[] body = endpoint.body().toString().getBytes(StandardCharsets.UTF_8);
    List<Attack> attacks = new ArrayList<>();
    for (String authorization :
        new String[] {
          null,
          "Bearer",
          "Bearer ",
          "Bearer " + "A".repeat(43),
          "Bearer " + endpoint.token() + "x",
          "Basic b3BlcmF0b3I6Z3Vlc3M=",
          "bearer",
          "Bearer a b c",
          "Bearer " + "z".repeat(4000)
        }) {
      attacks.add(
          new Attack(
              path
                  + " Authorization "
                  + (authorization == null ? "none" : abbreviate(authorization)),
              head("POST", path, authorization, "application/json", body.length, null),
              body));
    }
    return attacks;
  }

  private List<Attack> tokenAttacks(World w) throws Exception {
    Token real = TokenCodec.decodeUnresolved(w.spentToken());
    Proof proof = real.proofs().get(0);
    List<String> tokens = new ArrayList<>();
    tokens.add(forged(real.mint(), List.of(withAmount(proof, 4611686018427387904L))));
    tokens.add(forged(real.mint(), List.of(withAmount(proof, 3))));
    tokens.add(forged(real.mint(), List.of(withAmount(proof, Long.MAX_VALUE))));
    tokens.add(forged(real.mint(), List.of(withAmount(proof, -8))));
    tokens.add(forged(real.mint(), List.of(withAmount(proof, 0))));
    tokens.add(
        forged(
            real.mint(),
            List.of(
                withAmount(proof, 4611686018427387904L), withAmount(proof, 4611686018427387904L))));
    tokens.add(forged(real.mint(), List.of(withC(proof, "02" + "11".repeat(32)))));
    tokens.add(forged(real.mint(), List.of(withC(proof, "zz"))));
    tokens.add(forged(real.mint().toUpperCase(), real.proofs()));
    tokens.add(forged("HTTP://" + real.mint().substring("http://".length()), real.proofs()));
    tokens.add(forged("http://127.0.0.1:1", real.proofs()));
    tokens.add(forged("file:///etc/passwd", real.proofs()));
    tokens.add(forged(real.mint(), List.of()));
    tokens.add(w.spentToken());
    tokens.add("cashuA" + Base64.getUrlEncoder().encodeToString("{}".getBytes()));
    tokens.add("cashuA" + Base64.getUrlEncoder().encodeToString("{\"token\":[]}".getBytes()));
    tokens.add("cashuAnot-base64!!");
    tokens.add("cashuB" + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xbf, 1, 2}));
    tokens.add("cashuBo2F0gaJhaUgA");
    tokens.add("cashu");
    tokens.add("");
    tokens.add("cashuA" + "A".repeat(40_000));
    List<Attack> attacks = new ArrayList<>();
    int n = 0;
    for (String token : tokens) {
      n++;
      attacks.add(
          json(
              "deposit forged token #" + n,
              "api/wallet/deposits/token",
              w.maker().token(),
              body().put("token", token).toString()));
      attacks.add(
          json(
              "claim with forged bond #" + n,
              "api/offers/" + w.funded() + "/claim",
              w.stranger().token(),
              body().put("bondToken", token).toString()));
    }
    // Funding by token needs an offer waiting for funds: make one per attack would change the
    // books, so aim at the funded offer (refused for its state) and at an unknown one.
    for (String token : tokens.subList(0, 8)) {
      attacks.add(
          json(
              "fund with forged token",
              "api/offers/" + UUID.randomUUID() + "/funding",
              w.maker().token(),
              body().put("source", "TOKEN").put("token", token).toString()));
    }
    return attacks;
  }

  private static Proof withAmount(Proof p, long amount) {
    return new Proof(amount, p.id(), p.secret(), p.C(), null, null);
  }

  private static Proof withC(Proof p, String c) {
    return new Proof(p.amount(), p.id(), p.secret(), c, null, null);
  }

  /** A version-3 ({@code cashuA}) token with any mint and proofs, written by hand. */
  private static String forged(String mint, List<Proof> proofs) {
    StringBuilder json = new StringBuilder("{\"token\":[{\"mint\":\"").append(mint);
    json.append("\",\"proofs\":[");
    for (int i = 0; i < proofs.size(); i++) {
      Proof p = proofs.get(i);
      json.append(i == 0 ? "" : ",")
          .append("{\"amount\":")
          .append(p.amount())
          .append(",\"id\":\"")
          .append(p.id())
          .append("\",\"secret\":\"")
          .append(p.secret().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\",\"C\":\"")
          .append(p.C())
          .append("\"}");
    }
    json.append("]}],\"unit\":\"sat\"}");
    return "cashuA"
        + Base64.getUrlEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<Attack> partyAttacks(World w) {
    String approve = body().put("verdict", "APPROVE").put("feedback", "ok").toString();
    String counter = body().put("response", "COUNTER").put("message", "mine").toString();
    String resolution = body().put("resolution", "TAKER_WINS").put("reason", "me").toString();
    String s = w.stranger().token();
    String m = w.maker().token();
    String t = w.taker().token();
    List<Attack> attacks = new ArrayList<>();
    attacks.add(
        json("stranger approves", "api/offers/" + w.receiptSubmitted() + "/feedback", s, approve));
    attacks.add(
        json("taker approves", "api/offers/" + w.receiptSubmitted() + "/feedback", t, approve));
    attacks.add(json("stranger counters", "api/offers/" + w.issueMarked() + "/answer", s, counter));
    attacks.add(json("maker counters", "api/offers/" + w.issueMarked() + "/answer", m, counter));
    attacks.add(json("maker claims own", "api/offers/" + w.funded() + "/claim", m, "{}"));
    attacks.add(
        json("taker claims claimed", "api/offers/" + w.receiptSubmitted() + "/claim", s, "{}"));
    attacks.add(
        json(
            "maker resolves", "api/admin/disputes/" + w.disputed() + "/resolution", m, resolution));
    attacks.add(
        json(
            "taker resolves",
            "api/admin/disputes/" + w.disputed() + "/resolution",
            w.otherTaker().token(),
            resolution));
    attacks.add(
        json("user withdraws treasury", "api/admin/treasury/withdrawals", m, "{\"amount\":1}"));
    attacks.add(
        json(
            "admin as user withdraws",
            "api/wallet/withdrawals/token",
            w.admin(),
            "{\"amount\":1}"));
    attacks.add(
        json(
            "withdraw from another's wallet",
            "api/wallet/withdrawals/token",
            s,
            body().put("amount", 1).put("walletId", UUID.randomUUID().toString()).toString()));
    attacks.add(
        json(
            "fund someone else's offer",
            "api/offers/" + w.funded() + "/funding",
            s,
            body().put("source", "BALANCE").toString()));
    attacks.add(
        json("invoice for someone else's offer", "api/offers/" + w.funded() + "/invoice", s, "{}"));
    for (String reader : new String[] {s, w.otherTaker().token(), null}) {
      attacks.add(
          get("receipt by non-party", "api/offers/" + w.receiptSubmitted() + "/receipt", reader));
      attacks.add(
          get("audit by non-party", "api/offers/" + w.receiptSubmitted() + "/audit", reader));
    }
    for (String offer : List.of(w.funded(), w.receiptSubmitted(), w.issueMarked())) {
      attacks.add(
          raw(
              "receipt by non-taker on " + offer,
              "POST",
              "api/offers/" + offer + "/receipt",
              s,
              "image/png",
              TradeClient.png(64)));
    }
    attacks.addAll(receiptAttacks(w));
    attacks.add(get("admin capacity as user", "api/admin/capacity", m));
    attacks.add(get("admin treasury as user", "api/admin/treasury", m));
    attacks.add(get("admin disputes as user", "api/admin/disputes", m));
    attacks.add(get("admin disputes anonymous", "api/admin/disputes", null));
    attacks.add(get("wallet anonymous", "api/wallet", null));
    attacks.add(get("deposit of another", "api/wallet/deposits/" + UUID.randomUUID(), s));
    return attacks;
  }

  /** Receipts the claimed offer's own taker posts that are no image, or an absurd one. */
  private List<Attack> receiptAttacks(World w) {
    String path = "api/offers/" + w.claimed() + "/receipt";
    String t = w.otherTaker().token();
    byte[] png = TradeClient.png(64);
    List<Attack> attacks = new ArrayList<>();
    attacks.add(raw("fake WebP", "POST", path, t, "image/webp", "RIFF\0\0\0\0WEBP".getBytes()));
    byte[] magicOnly = new byte[64];
    new Random(SEED).nextBytes(magicOnly);
    System.arraycopy(png, 0, magicOnly, 0, 8);
    attacks.add(raw("PNG magic only", "POST", path, t, "image/png", magicOnly));
    attacks.add(
        raw(
            "JPEG magic only",
            "POST",
            path,
            t,
            "image/jpeg",
            new byte[] {(byte) 0xFF, (byte) 0xD8}));
    attacks.add(raw("empty image", "POST", path, t, "image/png", new byte[0]));
    attacks.add(raw("giant PNG", "POST", path, t, "image/png", pngHeader(100_000, 100_000)));
    attacks.add(raw("zero-size PNG", "POST", path, t, "image/png", pngHeader(0, 10)));
    attacks.add(raw("PNG as JPEG", "POST", path, t, "image/jpeg", pngHeader(10, 10)));
    attacks.add(raw("image as text", "POST", path, t, "text/plain", pngHeader(10, 10)));
    attacks.add(raw("image as SVG", "POST", path, t, "image/svg+xml", "<svg/>".getBytes()));
    return attacks;
  }

  /** A PNG signature and a well-formed IHDR chunk of the given size, and nothing after it. */
  private static byte[] pngHeader(int width, int height) {
    java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(17);
    chunk.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    chunk.put(new byte[] {8, 2, 0, 0, 0});
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(chunk.array());
    java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(chunk.array()).putInt((int) crc.getValue());
    return png.array();
  }

  private List<Attack> pathAttacks(World w) {
    String m = w.maker().token();
    List<Attack> attacks = new ArrayList<>();
    for (String path :
        List.of(
            "api/offers/%00",
            "api/offers/a%00b",
            "api/offers/..%2F..%2Fadmin%2Ftreasury",
            "api/offers/%2e%2e/admin/treasury",
            "api/offers/%2e%2e%2f%2e%2e%2fadmin",
            "api/offers/%252e%252e",
            "api/offers/%C0%AE%C0%AE",
            "api/offers/" + "a".repeat(4_000),
            "api/offers/not-a-uuid",
            "api/offers/" + UUID.randomUUID(),
            "api/offers/" + UUID.randomUUID() + "/audit",
            "api/offers/" + UUID.randomUUID() + "/receipt",
            "api/offers?page=-1",
            "api/offers?size=0",
            "api/offers?size=101",
            "api/offers?page=2147483647&size=100",
            "api/offers?size=99999999999",
            "api/offers?page=abc",
            "api/offers?fiatProvider=%00",
            "api/offers?fiatProvider=bank%00",
            "api/offers?fiatProvider=%ZZ",
            "api/offers?fiatProvider=bank%",
            "api/offers/mine?limit=-5",
            "api/offers/mine?limit=1e9",
            "api/wallet/deposits/%00",
            "api/wallet/deposits/..%2F..%2Fsessions",
            "api/admin/disputes?size=-1",
            "api/nope",
            "api/offers/x;jsessionid=1",
            "api/" + "x/".repeat(2_000),
            "api/offers/" + "%41".repeat(3_000),
            "api/sessions/current/%2e%2e")) {
      Attack attack = get("GET " + abbreviate(path), path, m);
      // the listener refuses a path with an encoded NUL, one that is no UTF-8 once decoded, or
      // one over its 8 KiB request-line buffer, before any application code sees it
      String raw = path.split("\\?")[0];
      boolean malformed = raw.contains("%00") || raw.contains("%C0") || raw.length() > 8_000;
      attacks.add(malformed ? attack.asMalformedHttp() : attack);
    }
    attacks.add(
        new Attack(
                "URI of 20,000 characters",
                head("GET", "api/offers/" + "b".repeat(20_000), null, null, -1, null),
                null)
            .asMalformedHttp());
    attacks.add(
        new Attack(
            "events with a forged token",
            "GET /api/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer forged\r\n"
                + forwardedFor(),
            null));
    return attacks;
  }

  private List<Attack> headerAttacks(World w) {
    String path = "api/wallet/withdrawals/token";
    String m = w.maker().token();
    byte[] valid = "{\"amount\":10}".getBytes(StandardCharsets.UTF_8);
    List<Attack> attacks = new ArrayList<>();
    attacks.add(
        new Attack(
            "header of 100 KiB",
            head("POST", path, "Bearer " + m, "application/json", valid.length, null)
                + "X-Junk: "
                + "j".repeat(100 * 1024)
                + "\r\n",
            valid));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      many.append("X-Junk-").append(i).append(": ").append("v".repeat(90)).append("\r\n");
    }
    attacks.add(
        new Attack(
            "300 headers",
            head("POST", path, "Bearer " + m, "application/json", valid.length, null) + many,
            valid));
    attacks.add(
        new Attack(
            "idempotency key of 10,000 characters",
            head("POST", path, "Bearer " + m, "application/json", valid.length, null)
                + "Idempotency-Key: "
                + "k".repeat(10_000)
                + "\r\n",
            "{\"amount\":\"10\"}".getBytes(StandardCharsets.UTF_8)));
    attacks.add(
        new Attack(
            "negative Content-Length",
            "POST /"
                + path
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer "
                + m
                + "\r\nContent-Type: application/json\r\nContent-Length: -1\r\n"
                + forwardedFor(),
            valid));
    attacks.add(
        new Attack(
            "broken chunked body",
            "POST /"
                + path
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Authorization: Bearer "
                + m
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + forwardedFor(),
            "zz\r\n{\"amount\":10}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
    attacks.add(
        new Attack(
            "unknown method", "BREW /api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n", null));
    attacks.add(
        new Attack(
            "TRACE",
            "TRACE /api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + forwardedFor(),
            null));
    return attacks.stream().map(Attack::asMalformedHttp).toList();
  }

  /**
   * Random mutations: a random field of a random endpoint set to a random value of a wrong type.
   */
  private List<Attack> generated(List<Endpoint> endpoints, Random random, int count) {
    List<Attack> attacks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
      if (endpoint.fields().isEmpty() || random.nextInt(10) == 0) {
        byte[] noise = new byte[1 + random.nextInt(2_000)];
        random.nextBytes(noise);
        attacks.add(
            raw(
                "random bytes to " + endpoint.path(),
                "POST",
                endpoint.path(),
                endpoint.token(),
                "application/json",
                noise));
        continue;
      }
      Field field = endpoint.fields().get(random.nextInt(endpoint.fields().size()));
      String value = wrongValue(field.kind(), random, 0);
      attacks.add(
          json(
              "generated " + endpoint.path() + " " + field.name() + "=" + abbreviate(value),
              endpoint.path(),
              endpoint.token(),
              withRaw(endpoint.body(), field.name(), value)));
    }
    return attacks;
  }

  /** A random JSON value that is not of {@code kind} (or text with a control character). */
  private static String wrongValue(Kind kind, Random random, int depth) {
    int pick = random.nextInt(depth > 2 ? 5 : 7);
    String value =
        switch (pick) {
          case 0 -> random.nextBoolean() ? "true" : "false";
          case 1 ->
              (random.nextBoolean() ? "-" : "")
                  + random.nextInt(1_000_000)
                  + "."
                  + (1 + random.nextInt(999));
          case 2 -> "\"" + controlText(random) + "\"";
          case 3 -> "\"" + random.nextLong() + "\"";
          case 4 -> "1e-" + (1 + random.nextInt(100_000));
          case 5 -> "[" + wrongValue(kind, random, depth + 1) + "]";
          default -> "{\"k\":" + wrongValue(kind, random, depth + 1) + "}";
        };
    // A plain integer-looking or text value could be right for the field: keep only wrong ones.
    return switch (kind) {
      case STRING -> pick == 3 ? "\"x\\u0000" + random.nextInt() + "\"" : value;
      case BOOL -> pick == 0 ? "\"" + value + "\"" : value;
      case DECIMAL -> pick == 1 || pick == 4 ? "\"" + value + "\"" : value;
      case LONG -> value;
    };
  }

  private static String controlText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.append(
          random.nextInt(4) == 0
              ? "\\u000" + random.nextInt(8)
              : (char) ('a' + random.nextInt(26)));
    }
    if (text.indexOf("\\u") < 0) {
      text.append("\\u0000");
    }
    return text.toString();
  }

  // --- building raw requests -------------------------------------------------------------------

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** A fresh client address (from the benchmarking range 198.18.0.0/15) behind the proxy. */
  private static String forwardedFor() {
    int n = ADDRESSES.incrementAndGet();
    return "X-Forwarded-For: 198.18." + ((n >> 8) & 0xff) + "." + (n & 0xff) + "\r\n";
  }

  private static Attack json(String label, String path, String token, String json) {
    return raw(
        label, "POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static Attack get(String label, String path, String token) {
    return new Attack(
        label, head("GET", path, token == null ? null : "Bearer " + token, null, -1, null), null);
  }

  private static Attack raw(
      String label, String method, String path, String token, String type, byte[] body) {
    return new Attack(
        label,
        head(method, path, token == null ? null : "Bearer " + token, type, body.length, null),
        body);
  }

  /** A request head; {@code length} below 0 sends no Content-Length. */
  private static String head(
      String method, String path, String authorization, String type, int length, String extra) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(" /").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\nConnection: close\r\nAccept: application/json\r\n");
    head.append(forwardedFor());
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    if (length >= 0) {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    if (extra != null) {
      head.append(extra);
    }
    return head.toString();
  }
}
