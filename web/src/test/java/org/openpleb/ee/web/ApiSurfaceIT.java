package org.openpleb.ee.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.contract.ContractCheck;

/**
 * The deployed WAR seen from a client over HTTP: the platform description, the operator's probes
 * (health, metrics, OpenAPI) and every error the API can answer with, as problem+json.
 */
@ExtendWith(ArquillianExtension.class)
class ApiSurfaceIT {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The one browser origin this deployment admits (OPENPLEB_CORS_ORIGINS). */
  private static final String APP_ORIGIN = "https://app.example.test";

  @Deployment(testable = false)
  static WebArchive deployment() {
    JavaArchive settings =
        ShrinkWrap.create(JavaArchive.class, "it-settings.jar")
            .addAsResource(
                new StringAsset("config_ordinal=500\nOPENPLEB_CORS_ORIGINS=" + APP_ORIGIN + "\n"),
                "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")))
        .addAsLibrary(settings);
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void infoDescribesTheConfiguredPlatform() throws Exception {
    HttpResponse<String> response = send(get("api/info").build());

    assertEquals(200, response.statusCode(), response::body);
    assertEquals("application/json", contentType(response));
    JsonNode info = JSON.readTree(response.body());
    assertEquals(System.getProperty("openpleb.version"), info.path("version").asText());
    assertEquals("KRW", info.path("currency").asText());
    assertEquals(100_000, info.path("maxFiatAmount").asLong());
    assertEquals(1, info.path("fees").path("platform").path("percentage").asInt());
    assertEquals(100, info.path("fees").path("platform").path("flatSats").asLong());
    assertEquals(2, info.path("fees").path("taker").path("percentage").asInt());
    assertEquals(100, info.path("fees").path("taker").path("flatSats").asLong());
    assertEquals(10, info.path("bond").path("percentage").asInt());
    assertEquals(500, info.path("bond").path("flatSats").asLong());
    JsonNode limits = info.path("limits");
    assertEquals(3600, limits.path("sessionExpirySeconds").asLong());
    assertEquals(600, limits.path("sessionLimit").asInt());
    assertEquals(200, limits.path("walletCacheSize").asInt());
    assertEquals(300_000, limits.path("walletCleanupIntervalMillis").asLong());
    assertEquals(10, limits.path("databasePoolSize").asInt());
    assertEquals(2, limits.path("databasePoolMin").asInt());
    assertEquals(30_000, limits.path("databasePoolIdleTimeoutMillis").asLong());
    JsonNode mint = info.path("mint");
    Optional<String> configuredMint =
        Optional.ofNullable(System.getenv("OPENPLEB_MINT_URL")).filter(url -> !url.isBlank());
    assertEquals(configuredMint.isEmpty(), mint.path("devMint").asBoolean());
    assertEquals(configuredMint.orElse("http://127.0.0.1:3338"), mint.path("url").asText());
    assertEquals(configuredMint.isEmpty(), mint.path("warning").asText().contains("development"));
  }

  @Test
  void aQuoteMatchesTheSpecsWorkedExample() throws Exception {
    HttpResponse<String> response =
        send(postJson("api/pricing/quote", "{\"fiatAmount\":100000,\"btcPrice\":150000000}"));

    assertEquals(200, response.statusCode(), response::body);
    JsonNode quote = JSON.readTree(response.body());
    assertEquals(66_667, quote.path("sats").asLong());
    assertEquals(767, quote.path("platformFee").asLong());
    assertEquals(1_434, quote.path("takerFee").asLong());
    assertEquals(7_167, quote.path("bond").asLong());
    assertEquals(76_035, quote.path("makerFunding").asLong());
    assertEquals(7_167, quote.path("takerBond").asLong());
  }

  @Test
  void readinessAsksTheDatabaseForReal() throws Exception {
    HttpResponse<String> response = send(get("/health/ready").build());

    assertEquals(200, response.statusCode(), response::body);
    JsonNode database = check(response, "openpleb-database");
    assertEquals("UP", database.path("status").asText());
    String product = database.path("data").path("database").asText();
    if (Optional.ofNullable(System.getenv("DB_URL")).orElse("").startsWith("jdbc:postgresql:")) {
      assertTrue(product.startsWith("PostgreSQL"), product);
    } else {
      assertTrue(product.startsWith("H2"), product);
    }
  }

  @Test
  void livenessAndStartupAreUpOnceTheSchemaIsMigrated() throws Exception {
    HttpResponse<String> live = send(get("/health/live").build());
    HttpResponse<String> started = send(get("/health/started").build());

    assertEquals(200, live.statusCode(), live::body);
    assertEquals("UP", check(live, "openpleb-live").path("status").asText());
    // the operator sees which secp256k1 back end runs; in this build libsecp256k1 loads
    assertEquals(
        "native", check(live, "openpleb-live").path("data").path("secp256k1").asText(), live::body);
    assertEquals(200, started.statusCode(), started::body);
    JsonNode schema = check(started, "openpleb-schema");
    assertEquals("UP", schema.path("status").asText());
    assertTrue(schema.path("data").path("version").asInt() >= 1, schema::toString);
  }

  @Test
  void metricsExposeTheApplicationsOwnFigures() throws Exception {
    send(get("api/no-such-resource").build());

    HttpResponse<String> response = send(get("/metrics").build());

    assertEquals(200, response.statusCode());
    List<String> lines = response.body().lines().toList();
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("openpleb_sessions_live\\{mp_scope=\"application\"} \\d+.*")),
        "no live-session gauge");
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "openpleb_api_errors_total{code=\"NOT_FOUND\",mp_scope=\"application\"}")),
        "no error counter");
  }

  @Test
  void openApiDescribesTheApiWithTheBuildVersion() throws Exception {
    HttpResponse<String> response = send(get("/openapi").build());

    assertEquals(200, response.statusCode(), response::body);
    String document = response.body();
    assertTrue(document.contains("title: OpenPleb EE"), document);
    assertTrue(document.contains("version: " + System.getProperty("openpleb.version")), document);
    assertTrue(document.contains("/api/info:"), document);
    assertTrue(document.contains("/api/pricing/quote:"), document);
  }

  @Test
  void anUnknownPathIsAProblemNotAPage() throws Exception {
    HttpResponse<String> response = send(get("api/nope").build());

    JsonNode problem = assertProblem(response, 404, "NOT_FOUND");
    assertTrue(problem.path("instance").asText().endsWith("/api/nope"), problem::toString);
  }

  @Test
  void brokenJsonIsMalformedJson() throws Exception {
    HttpResponse<String> response = send(postJson("api/pricing/quote", "{"));

    assertProblem(response, 400, "MALFORMED_JSON");
  }

  @Test
  void jsonOfTheWrongShapeIsMalformedJson() throws Exception {
    HttpResponse<String> response =
        send(postJson("api/pricing/quote", "{\"fiatAmount\":\"lots\",\"btcPrice\":1}"));

    assertProblem(response, 400, "MALFORMED_JSON");
  }

  @Test
  void valuesThatBreakTheRulesFailValidation() throws Exception {
    HttpResponse<String> missing = send(postJson("api/pricing/quote", "{\"btcPrice\":150000000}"));
    HttpResponse<String> tooLarge =
        send(postJson("api/pricing/quote", "{\"fiatAmount\":100001,\"btcPrice\":150000000}"));

    assertTrue(
        assertProblem(missing, 400, "VALIDATION_FAILED")
            .path("detail")
            .asText()
            .contains("fiatAmount"));
    assertTrue(
        assertProblem(tooLarge, 400, "VALIDATION_FAILED")
            .path("detail")
            .asText()
            .contains("maximum of 100000 KRW"));
  }

  @Test
  void postingToAReadOnlyResourceIsMethodNotAllowed() throws Exception {
    // What `curl -X POST /api/info -d '{'` sends.
    HttpResponse<String> response =
        send(
            request("api/info")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{"))
                .build());

    assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    assertTrue(
        response.headers().firstValue("Allow").orElse("").contains("GET"),
        () -> response.headers().map().toString());
  }

  @Test
  void optionsNamesTheMethodsAndServesNoWadl() throws Exception {
    HttpResponse<String> response =
        send(request("api/info").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

    assertTrue(response.statusCode() < 300, () -> response.statusCode() + " " + response.body());
    assertTrue(
        response.headers().firstValue("Allow").orElse("").contains("GET"),
        () -> response.headers().map().toString());
    assertFalse(contentType(response).contains("wadl"), contentType(response));
    assertFalse(response.body().contains("<application"), response.body());
  }

  @Test
  void aBodyOfTheWrongMediaTypeIsUnsupported() throws Exception {
    HttpResponse<String> response =
        send(
            request("api/pricing/quote")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("100000 KRW"))
                .build());

    JsonNode problem = assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertTrue(problem.path("detail").asText().contains("application/json"), problem::toString);
  }

  @Test
  void aPreflightFromTheConfiguredOriginIsAnswered() throws Exception {
    HttpResponse<String> response =
        send(
            request("api/offers")
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

    assertTrue(response.statusCode() < 300, () -> response.statusCode() + " " + response.body());
    assertEquals(APP_ORIGIN, header(response, "Access-Control-Allow-Origin"));
    assertTrue(header(response, "Access-Control-Allow-Methods").contains("POST"));
    String allowed = header(response, "Access-Control-Allow-Headers");
    for (String name : List.of("Authorization", "Content-Type", "Idempotency-Key")) {
      assertTrue(allowed.contains(name), allowed);
    }
    assertFalse(header(response, "Access-Control-Max-Age").isEmpty());
    assertEquals("", header(response, "Access-Control-Allow-Credentials"));
  }

  @Test
  void aResponseToTheConfiguredOriginExposesItsHeaders() throws Exception {
    HttpResponse<String> info = send(get("api/info").header("Origin", APP_ORIGIN).build());
    HttpResponse<String> refusal = send(get("api/nope").header("Origin", APP_ORIGIN).build());

    assertEquals(200, info.statusCode(), info::body);
    assertEquals(APP_ORIGIN, header(info, "Access-Control-Allow-Origin"));
    String exposed = header(info, "Access-Control-Expose-Headers");
    assertTrue(exposed.contains("Location") && exposed.contains("Retry-After"), exposed);
    assertEquals(APP_ORIGIN, header(refusal, "Access-Control-Allow-Origin"));
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> info =
        send(get("api/info").header("Origin", "https://elsewhere.example.test").build());
    HttpResponse<String> preflight =
        send(
            request("api/offers")
                .header("Origin", "https://elsewhere.example.test")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

    assertEquals(200, info.statusCode(), info::body);
    assertEquals("", header(info, "Access-Control-Allow-Origin"));
    assertEquals("", header(preflight, "Access-Control-Allow-Origin"));
    assertEquals("", header(preflight, "Access-Control-Allow-Methods"));
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void askingForAMediaTypeTheApiCannotProduceIsNotAcceptable() throws Exception {
    HttpResponse<String> response =
        send(request("api/info").header("Accept", "application/xml").GET().build());

    JsonNode problem = assertProblem(response, 406, "NOT_ACCEPTABLE");
    assertTrue(problem.path("detail").asText().contains("application/json"), problem::toString);
  }

  /** Asserts an RFC 9457 problem with every member present and no server internals leaking. */
  private static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals(PROBLEM_JSON, contentType(response), response::body);
    JsonNode problem = JSON.readTree(response.body());
    assertEquals(status, problem.path("status").asInt());
    assertEquals(code, problem.path("code").asText());
    assertEquals(
        "urn:openpleb:problem:" + code.toLowerCase().replace('_', '-'),
        problem.path("type").asText());
    for (String member : List.of("title", "detail", "instance")) {
      assertFalse(problem.path(member).asText().isBlank(), () -> member + " in " + problem);
    }
    assertFalse(response.body().contains("Exception"), response::body);
    assertFalse(response.body().contains("\tat "), response::body);
    return problem;
  }

  private static JsonNode check(HttpResponse<String> response, String name) throws IOException {
    JsonNode checks = JSON.readTree(response.body()).path("checks");
    return StreamSupport.stream(checks.spliterator(), false)
        .filter(c -> name.equals(c.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + response.body()));
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    ContractCheck.verify(request, response, response.body());
    return response;
  }

  private HttpRequest.Builder get(String path) throws URISyntaxException {
    return request(path).GET();
  }

  private HttpRequest postJson(String path, String body) throws URISyntaxException {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Relative paths address the application; absolute ones the server (health, metrics). */
  private HttpRequest.Builder request(String path) throws URISyntaxException {
    URI uri = base.toURI().resolve(path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
  }
}
