package org.openpleb.ee.web.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.offer.OfferState;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The server's OpenAPI document as a client generator reads it: served as JSON or YAML, valid for
 * an OpenAPI parser, and complete by the rules of issue #13 ({@link ApiDocumentRules}): one typed
 * success per operation, every error a Problem, the codes, enums, date-time strings and tags, and
 * the README's API table in agreement with it.
 */
@ExtendWith(ArquillianExtension.class)
class ApiContractIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The top-level keys OpenAPI defines; anything else must be an {@code x-} extension. */
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "security",
          "tags",
          "externalDocs");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("war.file")));
  }

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void theDocumentIsJsonOrYamlByAccept() throws Exception {
    HttpResponse<String> json = fetch("application/json");
    HttpResponse<String> yaml = fetch("application/yaml");
    HttpResponse<String> byDefault = fetch(null);

    assertEquals(200, json.statusCode(), json::body);
    assertEquals("application/json", mediaType(json));
    assertEquals(200, yaml.statusCode(), yaml::body);
    assertEquals("application/yaml", mediaType(yaml));
    assertEquals("application/yaml", mediaType(byDefault));
    assertEquals(JSON.readTree(json.body()), YAML.readTree(yaml.body()));
    assertEquals(YAML.readTree(yaml.body()), YAML.readTree(byDefault.body()));
  }

  @Test
  void anOpenApiParserReadsBothFormatsWithoutComplaint() throws Exception {
    for (String accept : List.of("application/json", "application/yaml")) {
      SwaggerParseResult result = parse(fetch(accept).body());
      assertTrue(
          result.getMessages() == null || result.getMessages().isEmpty(),
          () -> accept + ": " + result.getMessages());
      assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."), accept);
    }
  }

  @Test
  void everyOperationDocumentsOneTypedSuccess() throws Exception {
    assertNone(ApiDocumentRules.successResponses(document()));
  }

  @Test
  void noOperationHasADefaultResponse() throws Exception {
    assertNone(ApiDocumentRules.noDefaultResponses(document()));
  }

  @Test
  void everyErrorIsAProblemDocument() throws Exception {
    OpenAPI api = document();
    List<String> violations = new ArrayList<>(ApiDocumentRules.errorsAreProblems(api));
    violations.addAll(ApiDocumentRules.genericErrors(api));
    assertNone(violations);
  }

  @Test
  void theProblemCodesAreProblemCodesValues() throws Exception {
    assertNone(
        ApiDocumentRules.problemCodes(
            document(), Arrays.stream(ProblemCode.values()).map(Enum::name).toList()));
  }

  @Test
  void timestampsAreDateTimeStrings() throws Exception {
    assertNone(ApiDocumentRules.timestamps(document()));
  }

  @Test
  void amountsAreIntegers() throws Exception {
    assertNone(ApiDocumentRules.wholeNumbers(document()));
  }

  @Test
  void everySchemaAdmitsWhatTheServerSends() throws Exception {
    assertNone(ApiDocumentRules.soundSchemas(document()));
  }

  @Test
  void eachOperationHasOneTagDeclaredOnce() throws Exception {
    assertNone(ApiDocumentRules.tags(document()));
  }

  @Test
  void theDocumentHasOnlyStandardTopLevelKeys() throws Exception {
    JsonNode document = JSON.readTree(fetch("application/json").body());
    for (Iterator<String> keys = document.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      assertTrue(TOP_LEVEL.contains(key) || key.startsWith("x-"), key);
    }
    assertFalse(document.has("endpoints"));
  }

  @Test
  void theAllowedValuesAreListed() throws Exception {
    OpenAPI api = document();
    List<String> violations = new ArrayList<>();
    violations.addAll(
        ApiDocumentRules.enumListed(
            api, "status", Arrays.stream(OfferState.values()).map(Enum::name).toList()));
    violations.addAll(ApiDocumentRules.enumListed(api, "role", List.of("MAKER", "TAKER", "ADMIN")));
    violations.addAll(
        ApiDocumentRules.enumListed(
            api, "fundingMethod", List.of("LIGHTNING", "BALANCE", "TOKEN")));
    violations.addAll(
        ApiDocumentRules.enumListed(
            api, "resolution", List.of("MAKER_WINS", "TAKER_WINS", "SPLIT", "RETURN")));
    violations.addAll(ApiDocumentRules.enumListed(api, "verdict", List.of("APPROVE", "ISSUE")));
    violations.addAll(ApiDocumentRules.enumListed(api, "response", List.of("COUNTER", "FORFEIT")));
    assertNone(violations);
  }

  @Test
  void theReadmesApiTableNamesOnlyDocumentedPaths() throws Exception {
    Path readme =
        Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "README.md");
    if (!Files.exists(readme)) {
      readme = Path.of("..", "README.md");
    }
    assertNone(ApiDocumentRules.readmePaths(document(), Files.readString(readme)));
  }

  private static void assertNone(List<String> violations) {
    assertTrue(
        violations.isEmpty(),
        () -> violations.size() + " violations:\n  " + String.join("\n  ", violations));
  }

  private OpenAPI document() throws Exception {
    SwaggerParseResult result = parse(fetch("application/json").body());
    return result.getOpenAPI();
  }

  private static SwaggerParseResult parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    return new OpenAPIV3Parser().readContents(text, null, options);
  }

  private HttpResponse<String> fetch(String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve("/openapi")).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String mediaType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
  }
}
