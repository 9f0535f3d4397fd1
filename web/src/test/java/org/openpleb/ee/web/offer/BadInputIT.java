package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.ee.web.contract.ContractCheck;
import org.openpleb.ee.web.custody.ReconciledAtEnd;

/**
 * Hostile input over HTTP (issue #11, findings 3, 4 and 8): oversized and chunked bodies on every
 * JSON endpoint, leniently typed JSON, control characters in stored text, absurd prices, a mint URL
 * in capitals, broken Content-Types and smuggled paths. Every answer must be a 4xx problem document
 * with a stable code, no correlation id (nothing was logged as unexpected) and no X-Powered-By or
 * version banner.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class BadInputIT {

  /** The shipped API_JSON_MAX_BYTES. */
  private static final int JSON_MAX = 65_536;

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    return TradeClient.deployment(TradeMint.start(data), data, "");
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TradeClient api() {
    return new TradeClient(base);
  }

  private HttpResponse<String> send(
      String method, String path, String token, String contentType, HttpRequest.BodyPublisher body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .timeout(Duration.ofSeconds(120))
            .method(method, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpRequest sent = request.build();
    HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(sent, response, response.body());
    return response;
  }

  private HttpResponse<String> postJson(String path, String token, String json) throws Exception {
    return send("POST", path, token, "application/json", HttpRequest.BodyPublishers.ofString(json));
  }

  /** A problem answer with no banner and no correlation id; returns the document. */
  private static JsonNode refused(HttpResponse<String> response, int status, String code)
      throws IOException {
    JsonNode problem = TradeClient.assertProblem(response, status, code);
    assertTrue(problem.path("correlationId").isMissingNode(), response::body);
    assertNoBanner(
        response.headers().firstValue("Server").orElse(""),
        response.headers().firstValue("X-Powered-By").isPresent());
    return problem;
  }

  private static void refusedNaming(
      HttpResponse<String> response, int status, String code, String field) throws IOException {
    String detail = refused(response, status, code).path("detail").asText();
    assertTrue(detail.startsWith(field + ":"), detail);
  }

  /** Every JSON endpoint that was unbounded, with a body of the right shape. */
  private Map<String, String> jsonEndpoints() {
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("api/wallet/deposits/token", "{\"token\":\"%s\"}");
    endpoints.put("api/wallet/deposits/lightning", "{\"amount\":1,\"x\":\"%s\"}");
    endpoints.put("api/wallet/withdrawals/token", "{\"amount\":1,\"walletId\":\"%s\"}");
    endpoints.put("api/wallet/withdrawals/lightning", "{\"invoice\":\"%s\"}");
    endpoints.put("api/sessions", "{\"pubkey\":\"%s\"}");
    endpoints.put("api/admin/sessions", "{\"user\":\"%s\"}");
    endpoints.put("api/pricing/quote", "{\"fiatAmount\":1,\"btcPrice\":1,\"x\":\"%s\"}");
    endpoints.put("api/offers", "{\"fiatAmount\":1,\"qrCode\":\"%s\"}");
    return endpoints;
  }

  @Test
  void everyJsonEndpointRefusesABodyOverTheLimitWith413() throws Exception {
    String token = api().login().token();
    String filler = "a".repeat(JSON_MAX);
    for (Map.Entry<String, String> endpoint : jsonEndpoints().entrySet()) {
      String json = String.format(endpoint.getValue(), filler);
      refused(postJson(endpoint.getKey(), token, json), 413, "PAYLOAD_TOO_LARGE");
    }
  }

  @Test
  void aChunkedBodyOfUnknownLengthIsCutOffAtTheLimit() throws Exception {
    String token = api().login().token();
    Map<String, String> prefixes =
        Map.of(
            "api/wallet/withdrawals/token", "{\"amount\":1,\"walletId\":\"",
            "api/sessions", "{\"pubkey\":\"",
            "api/offers", "{\"fiatAmount\":1,\"qrCode\":\"");
    for (Map.Entry<String, String> endpoint : prefixes.entrySet()) {
      byte[] prefix = endpoint.getValue().getBytes(StandardCharsets.US_ASCII);
      long size = 4L * 1024 * 1024;
      HttpRequest.BodyPublisher chunked =
          HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(prefix, size));
      refused(
          send("POST", endpoint.getKey(), token, "application/json", chunked),
          413,
          "PAYLOAD_TOO_LARGE");
    }
  }

  @Test
  void numbersInStringsFractionsDuplicatesAndNonBooleansAreRefusedNamingTheField()
      throws Exception {
    String token = api().login().token();
    String withdraw = "api/wallet/withdrawals/token";
    refusedNaming(
        postJson(withdraw, token, "{\"amount\":\"100\"}"), 400, "MALFORMED_JSON", "amount");
    refusedNaming(
        postJson(withdraw, token, "{\"amount\":1.9999}"), 400, "MALFORMED_JSON", "amount");
    refusedNaming(
        postJson(withdraw, token, "{\"amount\":1,\"amount\":3}"), 400, "MALFORMED_JSON", "amount");
    for (String lock : List.of("1", "\"yes\"", "\"false\"")) {
      refusedNaming(
          postJson(withdraw, token, "{\"amount\":1,\"lockToSessionKey\":" + lock + "}"),
          400,
          "MALFORMED_JSON",
          "lockToSessionKey");
    }
    refusedNaming(
        postJson("api/wallet/deposits/lightning", token, "{\"amount\":1,\"amuont\":2}"),
        400,
        "MALFORMED_JSON",
        "amuont");
  }

  @Test
  void controlCharactersInStoredTextAreRefusedNamingTheField() throws Exception {
    TradeClient api = api();
    String token = api.login().token();
    String admin = api.adminLogin();
    String nul = "\\u0000";
    refusedNaming(
        postJson("api/offers", token, "{\"fiatAmount\":1000,\"qrCode\":\"" + nul + "\"}"),
        400,
        "VALIDATION_FAILED",
        "qrCode");
    refusedNaming(
        postJson(
            "api/offers",
            token,
            "{\"fiatAmount\":1000,\"qrCode\":\"q\",\"fiatProvider\":\"a" + nul + "b\"}"),
        400,
        "VALIDATION_FAILED",
        "fiatProvider");
    String offer = "api/offers/" + UUID.randomUUID();
    refusedNaming(
        postJson(
            offer + "/answer", token, "{\"response\":\"COUNTER\",\"message\":\"x" + nul + "\"}"),
        400,
        "VALIDATION_FAILED",
        "message");
    refusedNaming(
        postJson(offer + "/feedback", token, "{\"verdict\":\"ISSUE\",\"feedback\":\"\\u0001\"}"),
        400,
        "VALIDATION_FAILED",
        "feedback");
    refusedNaming(
        postJson(
            "api/admin/disputes/" + UUID.randomUUID() + "/resolution",
            admin,
            "{\"resolution\":\"SPLIT\",\"reason\":\"r" + nul + "\"}"),
        400,
        "VALIDATION_FAILED",
        "reason");
  }

  @Test
  void absurdPricesOnTheOpenQuoteAreRefusedBeforeAnyArithmetic() throws Exception {
    for (String price : List.of("1e-30", "1e308", "-1", "0", "1e-1000000000", "0.00000001")) {
      HttpResponse<String> response =
          postJson("api/pricing/quote", null, "{\"fiatAmount\":100000,\"btcPrice\":" + price + "}");
      assertEquals(400, response.statusCode(), price + " " + response.body());
      JsonNode problem =
          refused(response, 400, JSON.readTree(response.body()).path("code").asText());
      String code = problem.path("code").asText();
      assertTrue(code.equals("VALIDATION_FAILED") || code.equals("MALFORMED_JSON"), code);
      assertTrue(problem.path("detail").asText().startsWith("btcPrice"), response::body);
    }
  }

  @Test
  void aTokenWhoseMintUrlIsInCapitalsIsThisMintsToken() throws Exception {
    TradeClient api = api();
    TradeClient.Session session = api.login();
    Token token = TokenCodec.decodeUnresolved(TradeMint.get().token(8));
    String upper = token.mint().replaceFirst("^http", "HTTP");
    String text = TokenCodec.encodeV4(new Token(upper, token.unit(), token.memo(), token.proofs()));
    HttpResponse<String> in =
        postJson(
            "api/wallet/deposits/token",
            session.token(),
            JSON.createObjectNode().put("token", text).toString());

    assertEquals(200, in.statusCode(), in::body);
    JsonNode wallet = api.wallet(session);
    assertEquals(8, wallet.path("spendable").asLong(), wallet::toString);

    Token other = TokenCodec.decodeUnresolved(TradeMint.get().token(2));
    String ftp =
        TokenCodec.encodeV4(
            new Token("ftp://elsewhere", other.unit(), other.memo(), other.proofs()));
    refused(
        postJson(
            "api/wallet/deposits/token",
            session.token(),
            JSON.createObjectNode().put("token", ftp).toString()),
        400,
        "TOKEN_REJECTED");
  }

  @Test
  void missingEmptyAndMalformedContentTypesNameTheAcceptedType() throws Exception {
    String body = "{\"fiatAmount\":1000,\"btcPrice\":150000000}";
    List<String> types =
        new ArrayList<>(List.of("", "application/", "json", "text/plain", "a/b;=x"));
    for (String type : types) {
      HttpResponse<String> response =
          send("POST", "api/pricing/quote", null, type, HttpRequest.BodyPublishers.ofString(body));
      String detail = refused(response, 415, "UNSUPPORTED_MEDIA_TYPE").path("detail").asText();
      assertTrue(detail.contains("application/json"), detail);
    }
    String raw =
        rawExchange(
            "POST /api/pricing/quote HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertRawProblem(raw, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void aBodySentWithGetIsNeverProcessed() throws Exception {
    // The listener itself refuses a GET that carries a body; the application never sees it.
    assertRawRefusal(
        rawExchange(
            "GET /api/info HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5\r\nConnection: close\r\n\r\n{{{{{"));
  }

  @Test
  void smuggledPathsAreProblemsWithoutBanner() throws Exception {
    for (String path : List.of("/api/..%2Fhealth", "/api/%2e%2e/health", "/api/offers/x%0Ay")) {
      String raw = rawExchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertRawProblem(raw, 400, "BAD_REQUEST");
    }
    // An encoded NUL or backslash is refused by the listener before the application: empty 400.
    for (String path : List.of("/api/offers%00", "/api/x%5Cy")) {
      assertRawRefusal(
          rawExchange("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }
    assertRawProblem(
        rawExchange("GET /api/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        404,
        "NOT_FOUND");
  }

  @Test
  void whatTheServletContainerAnswersItselfIsAProblemToo() throws Exception {
    // Outside /api no REST runtime runs: the container's own 404 goes through the error page.
    assertRawProblem(
        rawExchange("GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        404,
        "NOT_FOUND");
  }

  @Test
  void overLongUrisAndHeadersAreRefusedWithoutBanner() throws Exception {
    String longUri =
        rawExchange(
            "GET /api/offers?x="
                + "a".repeat(64 * 1024)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertRawRefusal(longUri);
    String longHeader =
        rawExchange(
            "GET /api/info HTTP/1.1\r\nHost: x\r\nX-Long: "
                + "b".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
    assertRawRefusal(longHeader);
  }

  /**
   * A refusal by the listener itself: 4xx, no banner, and a problem document when it has a body.
   */
  private static void assertRawRefusal(String raw) {
    String head = raw.split("\r\n\r\n", 2)[0];
    int status = Integer.parseInt(head.substring(9, 12));
    assertTrue(status >= 400 && status < 500, raw.substring(0, Math.min(raw.length(), 400)));
    assertNoBanner(head);
    String body = raw.contains("\r\n\r\n") ? raw.split("\r\n\r\n", 2)[1] : "";
    assertFalse(body.toLowerCase(Locale.ROOT).contains("payara"), body);
    assertFalse(body.toLowerCase(Locale.ROOT).contains("<html"), body);
  }

  private static void assertRawProblem(String raw, int status, String code) throws IOException {
    String[] parts = raw.split("\r\n\r\n", 2);
    String head = parts[0];
    assertTrue(head.startsWith("HTTP/1.1 " + status), raw);
    assertTrue(
        head.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), raw);
    assertNoBanner(head);
    String body = parts.length > 1 ? dechunk(head, parts[1]) : "";
    JsonNode problem = JSON.readTree(body);
    assertEquals(code, problem.path("code").asText(), raw);
    assertTrue(problem.path("correlationId").isMissingNode(), raw);
  }

  private static void assertNoBanner(String head) {
    String server = "";
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("server:")) {
        server = line.substring("server:".length()).trim();
      }
    }
    assertNoBanner(server, head.toLowerCase(Locale.ROOT).contains("\r\nx-powered-by:"));
  }

  /**
   * No product banner: neither X-Powered-By nor a Server header (both are switched off before the
   * listener starts, by config/pre-boot-commands.asadmin).
   */
  private static void assertNoBanner(String server, boolean poweredBy) {
    assertFalse(poweredBy, "X-Powered-By");
    assertEquals("", server, "Server header");
  }

  private static String dechunk(String head, String body) {
    if (!head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    String rest = body;
    while (true) {
      int eol = rest.indexOf("\r\n");
      int size = Integer.parseInt(rest.substring(0, eol).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(rest, eol + 2, eol + 2 + size);
      rest = rest.substring(eol + 2 + size + 2);
    }
  }

  /**
   * Sends {@code request} as it is, bytes HttpClient would refuse to send, and reads the answer.
   */
  private String rawExchange(String request) throws Exception {
    URI uri = base.toURI();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException refusedMidway) {
        // The server may answer and close before it read all of an over-long request.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (IOException reset) {
        // Keep what arrived before the connection was reset.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** {@code prefix} followed by filler bytes up to {@code size}, never held in memory. */
  private static final class Filler extends InputStream {
    private final byte[] prefix;
    private final long size;
    private long at;

    Filler(byte[] prefix, long size) {
      this.prefix = prefix;
      this.size = size;
    }

    @Override
    public int read() {
      if (at >= size) {
        return -1;
      }
      int b = at < prefix.length ? prefix[(int) at] : 'a';
      at++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (at >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - at);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }
  }
}
