package org.openpleb.ee.web.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The response-contract check against a small hand-written document. */
class ContractCheckTest {

  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: {title: test, version: "1"}
      paths:
        /api/things/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200":
                description: the thing
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
              "404": {$ref: "#/components/responses/NotFound"}
        /api/things:
          post:
            responses:
              "201":
                description: created
                headers:
                  Location: {required: true, schema: {type: string}}
                content:
                  application/json:
                    schema: {$ref: "#/components/schemas/Thing"}
      components:
        responses:
          NotFound:
            description: nothing there
            content:
              application/problem+json:
                schema: {$ref: "#/components/schemas/Problem"}
        schemas:
          Thing:
            type: object
            required: [id, sats]
            properties:
              id: {type: string}
              sats: {type: integer, format: int64}
              status: {type: string, enum: [OPEN, DONE]}
              createdAt: {type: string, format: date-time}
          Problem:
            type: object
            required: [status, code]
            properties:
              status: {type: integer}
              code: {type: string, enum: [NOT_FOUND]}
              detail: {type: string}
      """;

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private final ContractCheck.Contract contract = ContractCheck.Contract.of(DOCUMENT);

  @Test
  void aMatchingAnswerPasses() {
    assertDoesNotThrow(
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(200, JSON),
                "{\"id\":\"7\",\"sats\":100,\"status\":\"OPEN\",\"createdAt\":\"2026-12-07T06:00:00Z\"}"));
  }

  @Test
  void aDriftingBodyFailsNamingTheOperation() {
    AssertionError drift =
        assertThrows(
            AssertionError.class,
            () ->
                contract.verify(
                    "GET",
                    "/api/things/7",
                    response(200, JSON),
                    "{\"id\":\"7\",\"sats\":\"100\"}"));
    assertTrue(drift.getMessage().contains("GET /api/things/{id}"), drift::getMessage);
  }

  @Test
  void aFieldTheSchemaDoesNotNameIsDrift() {
    assertThrows(
        AssertionError.class,
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(200, JSON),
                "{\"id\":\"7\",\"sats\":1,\"offer\":{\"status\":\"OPEN\"}}"));
  }

  @Test
  void aValueOutsideTheEnumOrAnObjectTimestampIsDrift() {
    assertThrows(
        AssertionError.class,
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(200, JSON),
                "{\"id\":\"7\",\"sats\":1,\"status\":\"LOST\"}"));
    assertThrows(
        AssertionError.class,
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(200, JSON),
                "{\"id\":\"7\",\"sats\":1,\"createdAt\":{\"epochSecond\":1}}"));
  }

  @Test
  void anUndocumentedStatusOrMediaTypeFails() {
    assertThrows(
        AssertionError.class,
        () -> contract.verify("GET", "/api/things/7", response(409, PROBLEM), "{}"));
    assertThrows(
        AssertionError.class,
        () ->
            contract.verify(
                "GET", "/api/things/7", response(200, "text/plain"), "{\"id\":\"7\",\"sats\":1}"));
  }

  @Test
  void aRequiredHeaderMustBeThere() {
    String body = "{\"id\":\"8\",\"sats\":1}";
    assertThrows(
        AssertionError.class,
        () -> contract.verify("POST", "/api/things", response(201, JSON), body));
    assertDoesNotThrow(
        () ->
            contract.verify(
                "POST",
                "/api/things",
                response(201, JSON, Map.of("Location", List.of("http://h/api/things/8"))),
                body));
  }

  @Test
  void anErrorIsAProblemDocument() {
    assertDoesNotThrow(
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(404, PROBLEM),
                "{\"status\":404,\"code\":\"NOT_FOUND\"}"));
    assertThrows(
        AssertionError.class,
        () ->
            contract.verify(
                "GET",
                "/api/things/7",
                response(404, PROBLEM),
                "{\"status\":404,\"code\":\"GONE\"}"));
  }

  @Test
  void anUnknownApiPathMayOnlyBeRefused() {
    String problem = "{\"status\":404,\"code\":\"NOT_FOUND\"}";
    assertDoesNotThrow(() -> contract.verify("GET", "/api/nope", response(404, PROBLEM), problem));
    assertDoesNotThrow(
        () -> contract.verify("DELETE", "/api/things/7", response(405, PROBLEM), problem));
    assertThrows(
        AssertionError.class,
        () -> contract.verify("GET", "/api/undocumented", response(200, JSON), "{}"));
  }

  @Test
  void onlyTheApiWithoutItsTestSupportIsTheContract() {
    assertTrue(ContractCheck.isContractPath("/api/offers"));
    assertFalse(ContractCheck.isContractPath("/api/test-support/clock"));
    assertFalse(ContractCheck.isContractPath("/health/ready"));
    assertFalse(ContractCheck.isContractPath("/openapi"));
    assertFalse(ContractCheck.isContractPath("/apis"));
  }

  @Test
  void everyTestOnlyResourceIsOutsideTheContract() throws Exception {
    // A test resource the list misses makes every IT that deploys it fail on an undocumented path.
    Pattern rootPath = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");
    List<String> roots = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = rootPath.matcher(Files.readString(source));
        while (matcher.find()) {
          roots.add("/api/" + matcher.group(1));
        }
      }
    }

    assertFalse(roots.isEmpty(), "no test resource found: run from the web module");
    for (String root : roots) {
      assertFalse(ContractCheck.isContractPath(root + "/x"), root + " is not in TEST_ONLY");
    }
  }

  private static HttpResponse<String> response(int status, String contentType) {
    return response(status, contentType, Map.of());
  }

  private static HttpResponse<String> response(
      int status, String contentType, Map<String, List<String>> more) {
    Map<String, List<String>> headers = new java.util.HashMap<>(more);
    headers.put("Content-Type", List.of(contentType));
    return new Answer(status, HttpHeaders.of(headers, (name, value) -> true));
  }

  /** A received answer, as far as the check reads it. */
  private record Answer(int statusCode, HttpHeaders headers) implements HttpResponse<String> {

    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public String body() {
      return null;
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request().uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
