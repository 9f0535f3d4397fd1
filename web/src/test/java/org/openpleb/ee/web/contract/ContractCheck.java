package org.openpleb.ee.web.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The response-contract check of the ITs: every exchange an IT makes with the server is validated
 * against the server's own {@code /openapi} document, so code and document cannot drift apart.
 * Client-side only: never added to a test archive.
 *
 * <p>Only the response is judged (status, Content-Type, headers the document requires, body against
 * the schema, with no field the schema does not name): the ITs send hostile requests on purpose.
 * Paths outside {@code /api} (health, metrics, the document itself) and the test-only resources
 * some ITs deploy ({@link #TEST_ONLY}) are not part of the contract, nor are {@code OPTIONS} and
 * {@code HEAD}, which HTTP answers for every path. A request to a path or method the document does
 * not know must be answered with a 404 or 405 problem document.
 */
public final class ContractCheck {

  /**
   * Where the test-only resources some ITs deploy live (the {@code @Path} of every resource class
   * under {@code web/src/test}); the document does not describe them.
   */
  static final List<String> TEST_ONLY =
      List.of("/api/test-support", "/api/trade-support", "/api/test-clock");

  private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ContractCheck() {}

  /**
   * Validates one exchange against the OpenAPI document of the server that answered it.
   *
   * @param request the request as sent
   * @param response the response received
   * @param body the response body as text, or {@code null} when it is not text
   * @throws AssertionError naming the operation and the mismatch when the answer breaks the
   *     contract
   */
  public static void verify(HttpRequest request, HttpResponse<?> response, String body) {
    String path = request.uri().getRawPath();
    if (!isContractPath(path) || !isOperationMethod(request.method())) {
      return;
    }
    try {
      contractOf(request.uri()).verify(request.method(), path, response, body);
    } catch (AssertionError mismatch) {
      // Another deployment may have taken the same random port since the document was read:
      // judge once more against a fresh copy before reporting.
      CONTRACTS.remove(base(request.uri()));
      contractOf(request.uri()).verify(request.method(), path, response, body);
    }
  }

  /** OPTIONS (CORS preflight, Allow) and HEAD belong to HTTP itself, not to an operation. */
  static boolean isOperationMethod(String method) {
    return !(method.equalsIgnoreCase("OPTIONS") || method.equalsIgnoreCase("HEAD"));
  }

  /** Whether the contract describes {@code path}: the API, without its test-only resources. */
  static boolean isContractPath(String path) {
    return path != null
        && (path.equals("/api") || path.startsWith("/api/"))
        && TEST_ONLY.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  private static Contract contractOf(URI uri) {
    return CONTRACTS.computeIfAbsent(base(uri), ContractCheck::fetch);
  }

  private static String base(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static Contract fetch(String base) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/openapi"))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    try {
      HttpResponse<String> document = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (document.statusCode() != 200) {
        throw new AssertionError(
            "GET " + base + "/openapi answered " + document.statusCode() + ": " + document.body());
      }
      return Contract.of(document.body());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + base + "/openapi", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted reading " + base + "/openapi", e);
    }
  }

  /** One server's document, ready to judge responses; reusable for any number of exchanges. */
  static final class Contract {

    private final OpenApiInteractionValidator validator;

    private Contract(OpenApiInteractionValidator validator) {
      this.validator = validator;
    }

    /** The contract of the OpenAPI document {@code json} (JSON or YAML text). */
    static Contract of(String json) {
      LevelResolver levels =
          LevelResolver.create()
              // The ITs send malformed requests on purpose; only the answer is judged.
              .withLevel("validation.request", ValidationReport.Level.IGNORE)
              // ... but a path or method the document lacks is reported, and judged below.
              .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
              .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
              // A response field the schema does not name is drift too.
              .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
              .build();
      try {
        return new Contract(
            OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(levels)
                .withStrictOperationPathMatching()
                .build());
      } catch (OpenApiInteractionValidator.ApiLoadException invalid) {
        throw new AssertionError(
            "the server's OpenAPI document is invalid: " + invalid.getMessage());
      }
    }

    /** Throws an AssertionError naming the operation and every mismatch of this exchange. */
    void verify(String method, String path, HttpResponse<?> response, String body) {
      SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
      response.headers().map().forEach(answer::withHeader);
      if (body != null && !body.isEmpty()) {
        answer.withBody(body);
      }
      ValidationReport report =
          validator.validateResponse(
              path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), answer.build());
      List<ValidationReport.Message> errors =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              // A body the caller could not read as text (an image, a stream) is not judged.
              .filter(m -> body != null || !m.getKey().equals("validation.response.body.missing"))
              .toList();
      if (errors.isEmpty()) {
        return;
      }
      if (isUnknownOperation(errors)) {
        verifyRefusalOfUnknownOperation(method, path, response, body, errors);
        return;
      }
      throw new AssertionError(describe(method, path, response, errors));
    }

    private static boolean isUnknownOperation(List<ValidationReport.Message> errors) {
      return errors.stream()
          .allMatch(
              m ->
                  m.getKey().equals("validation.request.path.missing")
                      || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    /** A path or method the document lacks is fine only as the API's 404 or 405 problem. */
    private void verifyRefusalOfUnknownOperation(
        String method,
        String path,
        HttpResponse<?> response,
        String body,
        List<ValidationReport.Message> errors) {
      int status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      boolean problem =
          (status == 404 || status == 405)
              && type.startsWith("application/problem+json")
              && body != null
              && body.contains("\"code\"");
      if (!problem) {
        throw new AssertionError(describe(method, path, response, errors));
      }
    }

    private static String describe(
        String method,
        String path,
        HttpResponse<?> response,
        List<ValidationReport.Message> errors) {
      String operation =
          errors.stream()
              .map(m -> m.getContext().flatMap(ValidationReport.MessageContext::getApiOperation))
              .flatMap(Optional::stream)
              .map(op -> op.getMethod() + " " + op.getApiPath().original())
              .findFirst()
              .orElse(method + " " + path);
      return "the answer of "
          + operation
          + " ("
          + method
          + " "
          + path
          + " -> "
          + response.statusCode()
          + ") breaks the contract:\n  "
          + errors.stream()
              .map(ValidationReport.Message::getMessage)
              .collect(Collectors.joining("\n  "));
    }
  }
}
