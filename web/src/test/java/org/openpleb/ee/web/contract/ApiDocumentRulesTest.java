package org.openpleb.ee.web.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the OpenAPI document fails on a small document that breaks it. */
class ApiDocumentRulesTest {

  private static final String COMPONENTS =
      """
      components:
        responses:
          BadRequest: &problem
            description: refused
            content:
              application/problem+json:
                schema: {$ref: "#/components/schemas/Problem"}
          Unauthorized: *problem
          NotAcceptable: *problem
          TooManyRequests: *problem
          InternalError: *problem
          ServiceUnavailable: *problem
        schemas:
          Problem:
            type: object
            properties:
              code: {type: string, enum: [BAD_REQUEST, NOT_FOUND]}
          Thing:
            type: object
            properties:
              id: {type: string}
              createdAt: {type: string, format: date-time}
              verdict: {type: string, enum: [APPROVE, ISSUE]}
      """;

  private static final String GENERIC =
      """
      "400": {$ref: "#/components/responses/BadRequest"}
      "401": {$ref: "#/components/responses/Unauthorized"}
      "406": {$ref: "#/components/responses/NotAcceptable"}
      "429": {$ref: "#/components/responses/TooManyRequests"}
      "500": {$ref: "#/components/responses/InternalError"}
      "503": {$ref: "#/components/responses/ServiceUnavailable"}
      """;

  private static OpenAPI document(String success) {
    String yaml =
        """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        tags:
          - {name: things, description: Things.}
        paths:
          /api/things:
            get:
              tags: [things]
              responses:
        """
            + (flush(success) + GENERIC).indent(8)
            + COMPONENTS;
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        () -> String.valueOf(result.getMessages()));
    return result.getOpenAPI();
  }

  /** {@code yaml} with the indentation its lines share removed. */
  private static String flush(String yaml) {
    int common =
        yaml.lines()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder flushed = new StringBuilder();
    yaml.lines()
        .forEach(line -> flushed.append(line.isBlank() ? "" : line.substring(common)).append('\n'));
    return flushed.toString();
  }

  private static final String TYPED =
      """
                "200":
                  description: the thing
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Thing"}
      """;

  @Test
  void aWellDocumentedOperationKeepsEveryRule() {
    OpenAPI api = document(TYPED);

    assertEquals(List.of(), ApiDocumentRules.successResponses(api));
    assertEquals(List.of(), ApiDocumentRules.noDefaultResponses(api));
    assertEquals(List.of(), ApiDocumentRules.errorsAreProblems(api));
    assertEquals(List.of(), ApiDocumentRules.genericErrors(api));
    assertEquals(List.of(), ApiDocumentRules.timestamps(api));
    assertEquals(List.of(), ApiDocumentRules.tags(api));
    assertEquals(
        List.of(), ApiDocumentRules.problemCodes(api, List.of("BAD_REQUEST", "NOT_FOUND")));
    assertEquals(
        List.of(), ApiDocumentRules.enumListed(api, "verdict", List.of("APPROVE", "ISSUE")));
    assertEquals(List.of(), ApiDocumentRules.readmePaths(api, "| `GET /api/things` | things |\n"));
  }

  @Test
  void anOperationWithoutASuccessSchemaFails() {
    OpenAPI api =
        document(
            """
                "200":
                  description: something
            """);

    assertEquals(
        List.of("GET /api/things: 200 has no content schema"),
        ApiDocumentRules.successResponses(api));
  }

  @Test
  void anUntypedObjectOrADefaultOnlyOperationFails() {
    OpenAPI untyped =
        document(
            """
                "200":
                  description: something
                  content:
                    application/json:
                      schema: {type: object}
            """);
    OpenAPI defaultOnly =
        document(
            """
                default:
                  description: Default Response
            """);

    assertEquals(1, ApiDocumentRules.successResponses(untyped).size());
    assertEquals(1, ApiDocumentRules.successResponses(defaultOnly).size());
    assertEquals(1, ApiDocumentRules.noDefaultResponses(defaultOnly).size());
  }

  @Test
  void twoSuccessStatusesFail() {
    OpenAPI api =
        document(
            flush(TYPED)
                + flush(
                    """
                "201":
                  description: also
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Thing"}
            """));

    assertEquals(1, ApiDocumentRules.successResponses(api).size());
  }

  @Test
  void anErrorThatIsNoProblemFails() {
    OpenAPI api =
        document(
            flush(TYPED)
                + flush(
                    """
                "404":
                  description: gone
                  content:
                    application/json:
                      schema: {type: object}
            """));

    assertEquals(
        List.of("GET /api/things: 404 is not a Problem document"),
        ApiDocumentRules.errorsAreProblems(api));
  }

  @Test
  void codesEnumsAndTheReadmeAreCompared() {
    OpenAPI api = document(TYPED);

    assertEquals(1, ApiDocumentRules.problemCodes(api, List.of("BAD_REQUEST")).size());
    assertEquals(1, ApiDocumentRules.enumListed(api, "response", List.of("COUNTER")).size());
    assertEquals(
        List.of("README names /api/nothing, the document does not"),
        ApiDocumentRules.readmePaths(api, "| `POST /api/nothing` | no such thing |\n"));
  }

  @Test
  void anObjectTimestampFails() {
    OpenAPI api = document(TYPED);
    api.getComponents()
        .getSchemas()
        .get("Thing")
        .getProperties()
        .put("expiresAt", new io.swagger.v3.oas.models.media.ObjectSchema());

    assertEquals(
        1, ApiDocumentRules.timestamps(api).size(), ApiDocumentRules.timestamps(api)::toString);
  }

  @Test
  void anAmountAsANumberFails() {
    OpenAPI api = document(TYPED);
    api.getComponents()
        .getSchemas()
        .get("Thing")
        .getProperties()
        .put("sats", new io.swagger.v3.oas.models.media.NumberSchema());

    assertEquals(List.of(), ApiDocumentRules.wholeNumbers(document(TYPED)));
    assertEquals(
        1, ApiDocumentRules.wholeNumbers(api).size(), ApiDocumentRules.wholeNumbers(api)::toString);
  }

  @Test
  void aSchemaThatAdmitsNothingOrIsInvalidFails() {
    OpenAPI api = document(TYPED);
    io.swagger.v3.oas.models.media.Schema<?> thing = api.getComponents().getSchemas().get("Thing");
    thing.setMaxProperties(0);
    thing.setExclusiveMaximum(false);

    assertEquals(List.of(), ApiDocumentRules.soundSchemas(document(TYPED)));
    assertEquals(
        2, ApiDocumentRules.soundSchemas(api).size(), ApiDocumentRules.soundSchemas(api)::toString);
  }
}
