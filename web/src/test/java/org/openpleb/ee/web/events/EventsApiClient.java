package org.openpleb.ee.web.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.openpleb.cashu.crypto.Schnorr;
import org.openpleb.ee.session.LoginProof;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.contract.ContractCheck;
import org.openpleb.ee.web.custody.ReconciledAtEnd;

/** The live-event IT's client: logs users in, opens event streams, fires test changes. */
final class EventsApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URL base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  EventsApiClient(URL base) {
    this.base = base;
  }

  /** The real ROOT.war plus the test support, with {@code settings} over the defaults. */
  static WebArchive deployment(String settings, Class<?>... extra) {
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "it-settings.jar")
            .addAsResource(
                new StringAsset(
                    "config_ordinal=500\n"
                        + ItAdmission.RELAXED
                        + ReconciledAtEnd.adminSettings()
                        + settings),
                "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new java.io.File(System.getProperty("war.file")))
        .addClasses(extra)
        .addAsLibrary(config);
  }

  /** A user: a secp256k1 key pair and, once logged in, its session token. */
  record User(byte[] secret, String pubkey, String token) {}

  /** Logs a fresh random user in. */
  User login() throws Exception {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String pubkey = HEX.formatHex(Schnorr.publicKey(secret));
    HttpResponse<String> challenge = send(post("api/sessions/challenge", null));
    assertEquals(200, challenge.statusCode(), challenge::body);
    String text = JSON.readTree(challenge.body()).path("challenge").asText();
    byte[] aux = new byte[32];
    RANDOM.nextBytes(aux);
    String signature = HEX.formatHex(Schnorr.sign(secret, LoginProof.message(text), aux));
    String body =
        JSON.createObjectNode()
            .put("pubkey", pubkey)
            .put("challenge", text)
            .put("signature", signature)
            .toString();
    HttpResponse<String> login = send(post("api/sessions", body));
    assertEquals(201, login.statusCode(), login::body);
    return new User(secret, pubkey, JSON.readTree(login.body()).path("token").asText());
  }

  /** Ends the user's session. */
  void logout(User user) throws Exception {
    HttpResponse<String> response =
        send(
            request("api/sessions/current")
                .header("Authorization", "Bearer " + user.token())
                .DELETE()
                .build());
    assertEquals(204, response.statusCode(), response::body);
  }

  /** Opens {@code GET /api/events}, with the user's token when one is given. */
  HttpResponse<InputStream> events(String authorization) throws Exception {
    HttpRequest.Builder builder = request("api/events").header("Accept", "text/event-stream").GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    HttpResponse<InputStream> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .get(30, TimeUnit.SECONDS);
    // A stream's body is not judged: its status and media type are.
    ContractCheck.verify(request, response, null);
    return response;
  }

  /** Opens a stream that must be accepted, and checks its greeting. */
  SseStream openStream(User user) throws Exception {
    HttpResponse<InputStream> response = events(user == null ? null : "Bearer " + user.token());
    if (response.statusCode() != 200) {
      String body = new String(response.body().readAllBytes());
      throw new AssertionError("stream refused: " + response.statusCode() + " " + body);
    }
    SseStream stream = new SseStream(response);
    SseStream.Frame greeting = stream.nextEvent(Duration.ofSeconds(10));
    assertEquals("connected", greeting.event());
    assertEquals(user != null, JSON.readTree(greeting.data()).path("authenticated").asBoolean());
    return stream;
  }

  /** Fires a made-up offer change on the server. */
  void fire(
      String offerId,
      String from,
      String to,
      User maker,
      User taker,
      boolean inBook,
      boolean rollback)
      throws Exception {
    StringBuilder query =
        new StringBuilder("api/test-support/events/fire?offerId=")
            .append(offerId)
            .append("&to=")
            .append(to)
            .append("&public=")
            .append(inBook)
            .append("&rollback=")
            .append(rollback);
    if (from != null) {
      query.append("&from=").append(from);
    }
    if (maker != null) {
      query.append("&maker=").append(maker.pubkey());
    }
    if (taker != null) {
      query.append("&taker=").append(taker.pubkey());
    }
    HttpResponse<String> response = send(post(query.toString(), null));
    assertEquals(200, response.statusCode(), response::body);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  /** A metric's value from {@code /metrics}, or 0 when it is not there. */
  double metric(String series) throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(new URL(base, "/metrics?scope=application").toURI()).build());
    for (String line : response.body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }

  private HttpRequest post(String path, String body) throws Exception {
    HttpRequest.Builder builder =
        request(path)
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }

  private HttpRequest.Builder request(String path) throws Exception {
    URI uri = new URL(base, path).toURI();
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }
}
