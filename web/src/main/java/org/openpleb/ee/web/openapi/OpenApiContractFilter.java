package org.openpleb.ee.web.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.openpleb.ee.platform.BuildInfo;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.problem.Problem;

/**
 * Completes the OpenAPI document the resources' annotations describe with what every operation
 * shares, so no resource repeats it and none can forget it: the {@code Problem} schema (its {@code
 * code} an enum generated from {@link ProblemCode}), one named {@code application/problem+json}
 * response per error status, the generic error responses every operation can answer with,
 * timestamps as {@code date-time} strings, schemas as the server really writes them ({@link
 * SchemaRepairs}), tags declared once, and the build's version. It also removes what a client
 * cannot use: {@code default} responses and the runtime's non-standard {@code endpoints} key.
 * Registered through {@code mp.openapi.filter}.
 */
public class OpenApiContractFilter implements OASFilter {

  /** The schema name of the problem document. */
  public static final String PROBLEM_SCHEMA = "Problem";

  /** The named error responses, by status; resources reference them with {@code ref = name}. */
  public static final Map<Integer, String> RESPONSES = responseNames();

  /**
   * Error responses on every operation: statuses any request can meet. 401 among them, not only on
   * operations that need a session: a request that sends credentials that do not authenticate is
   * refused with it on public operations too.
   */
  static final List<Integer> ALWAYS = List.of(400, 401, 406, 429, 500, 503);

  /** Error responses on every operation that reads a request body. */
  static final List<Integer> WITH_BODY = List.of(413, 415);

  /** JDK time types the runtime would describe as objects; on the wire they are ISO-8601. */
  private static final Set<String> TIMESTAMPS =
      Set.of("OffsetDateTime", "Instant", "ZonedDateTime", "LocalDateTime");

  /** JDK time types that only exist in the document as parts of {@link #TIMESTAMPS}' objects. */
  private static final Set<String> TIME_PARTS =
      Set.of(
          "ZoneOffset",
          "ZoneId",
          "ZoneRules",
          "LocalDate",
          "LocalTime",
          "DayOfWeek",
          "Month",
          "Chronology",
          "IsoChronology",
          "Era",
          "IsoEra",
          "Duration",
          "TemporalUnit",
          "ChronoUnit");

  private static final String SCHEMA_REF = "#/components/schemas/";

  private static Map<Integer, String> responseNames() {
    Map<Integer, String> names = new LinkedHashMap<>();
    names.put(400, "BadRequest");
    names.put(401, "Unauthorized");
    names.put(403, "Forbidden");
    names.put(404, "NotFound");
    names.put(406, "NotAcceptable");
    names.put(409, "Conflict");
    names.put(413, "PayloadTooLarge");
    names.put(415, "UnsupportedMediaType");
    names.put(422, "UnprocessableContent");
    names.put(429, "TooManyRequests");
    names.put(500, "InternalError");
    names.put(502, "BadGateway");
    names.put(503, "ServiceUnavailable");
    names.put(504, "GatewayTimeout");
    return Collections.unmodifiableMap(names);
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getInfo() != null) {
      openAPI.getInfo().setVersion(BuildInfo.current().version());
    }
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Components components = openAPI.getComponents();
    components.addSchema(PROBLEM_SCHEMA, problemSchema());
    RESPONSES.forEach((status, name) -> components.addResponse(name, problemResponse(status)));
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (PathItem item : openAPI.getPaths().getPathItems().values()) {
        if (item.getOperations() != null) {
          item.getOperations().values().forEach(op -> completeResponses(op));
        }
      }
    }
    timestampsAsStrings(openAPI);
    forEachSchema(openAPI, SchemaRepairs.forApiRecords()::repair);
    declareTagsOnce(openAPI);
    uniqueOperationIds(openAPI);
    dropEndpoints(openAPI);
  }

  /** The RFC 9457 document of {@link Problem}, with the codes a client may branch on. */
  static Schema problemSchema() {
    List<Object> codes = new ArrayList<>();
    Arrays.stream(ProblemCode.values()).map(Enum::name).forEach(codes::add);
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem document. Clients branch on `code`, never on the wording of"
                + " `detail`.")
        .addProperty(
            "type", string("A URI naming the problem type, e.g. urn:openpleb:problem:not-found."))
        .addProperty("title", string("The code's fixed human summary."))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status."))
        .addProperty(
            "detail", string("What went wrong with this request, safe to show to a person."))
        .addProperty("instance", string("The request path that failed."))
        .addProperty(
            "code",
            string("The stable code, one per kind of refusal; each fixes the status.")
                .enumeration(codes))
        .addProperty(
            "correlationId",
            string("Only on INTERNAL_ERROR: the id the server logged the failure with."))
        .required(List.of("type", "title", "status", "code"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }

  /** The named response for an error status: problem+json, its codes, and its headers. */
  static APIResponse problemResponse(int status) {
    List<String> codes =
        Arrays.stream(ProblemCode.values())
            .filter(code -> code.status() == status)
            .map(Enum::name)
            .toList();
    String description =
        summary(status) + (codes.isEmpty() ? "" : " Codes: " + String.join(", ", codes) + ".");
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    if (status == 429 || status == 503) {
      response.addHeader(
          "Retry-After",
          header(
              Schema.SchemaType.INTEGER,
              "Seconds to wait before trying again, when the refusal is temporary."));
    }
    if (status == 401) {
      response.addHeader(
          "WWW-Authenticate",
          header(Schema.SchemaType.STRING, "Bearer: the scheme the API authenticates with."));
    }
    return response;
  }

  private static Header header(Schema.SchemaType type, String description) {
    return OASFactory.createHeader()
        .description(description)
        .schema(OASFactory.createSchema().type(type));
  }

  private static String summary(int status) {
    return switch (status) {
      case 400 -> "The request is malformed or breaks a validation rule.";
      case 401 ->
          "The request needs a session, or sent credentials that do not authenticate (a bad,"
              + " unknown, expired or logged-out token), or a login failed.";
      case 403 -> "The session may not do this.";
      case 404 -> "The addressed thing does not exist.";
      case 406 ->
          "None of the media types in the Accept header can be produced; the detail names what"
              + " the API produces.";
      case 409 -> "The request conflicts with the current state of the addressed thing.";
      case 413 -> "The request body is larger than allowed.";
      case 415 ->
          "The request body's Content-Type is not accepted; the detail names what is"
              + " (application/json).";
      case 422 -> "The request is well-formed but cannot be processed as it stands.";
      case 429 -> "Too many requests; retry after Retry-After.";
      case 500 ->
          "The server failed unexpectedly; the problem carries a correlation id for the logs.";
      case 502 -> "A service behind the API (the mint, or the server behind the proxy) failed.";
      case 503 ->
          "Temporarily unavailable: at capacity, or a dependency (the mint, the price feed, the"
              + " database) is down; retry after Retry-After.";
      case 504 -> "A service behind the API did not answer in time.";
      default -> "An error.";
    };
  }

  /**
   * Adds the generic error responses an operation can meet and removes {@code default}: a client
   * generated from the document learns every status, and the one success status stays unique.
   */
  private static void completeResponses(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    if (responses.hasAPIResponse(APIResponses.DEFAULT)) {
      responses.removeAPIResponse(APIResponses.DEFAULT);
    }
    List<Integer> statuses = new ArrayList<>(ALWAYS);
    if (operation.getRequestBody() != null) {
      statuses.addAll(WITH_BODY);
    }
    for (int status : statuses) {
      String key = Integer.toString(status);
      if (!responses.hasAPIResponse(key)) {
        responses.addAPIResponse(key, OASFactory.createAPIResponse().ref(RESPONSES.get(status)));
      }
    }
  }

  /**
   * Every timestamp is an ISO-8601 string on the wire (JSON-B writes them so); the runtime would
   * describe the JDK classes as objects with their fields. References to them become inline {@code
   * date-time} strings and their component schemas disappear.
   */
  private static void timestampsAsStrings(OpenAPI openAPI) {
    forEachSchema(
        openAPI,
        schema -> {
          String ref = schema.getRef();
          if (ref != null
              && ref.startsWith(SCHEMA_REF)
              && TIMESTAMPS.contains(ref.substring(SCHEMA_REF.length()))) {
            schema.setRef(null);
            schema.setType(Schema.SchemaType.STRING);
            schema.setFormat("date-time");
            schema.setProperties(null);
          }
        });
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    if (schemas != null) {
      TIMESTAMPS.forEach(openAPI.getComponents()::removeSchema);
      // Then the parts only the removed objects used.
      for (String name : List.copyOf(schemas.keySet())) {
        if (TIME_PARTS.contains(name) && !referenced(openAPI, SCHEMA_REF + name)) {
          openAPI.getComponents().removeSchema(name);
        }
      }
    }
  }

  private static boolean referenced(OpenAPI openAPI, String ref) {
    boolean[] found = {false};
    forEachSchema(
        openAPI,
        schema -> {
          if (ref.equals(schema.getRef())) {
            found[0] = true;
          }
        },
        Set.copyOf(TIME_PARTS));
    return found[0];
  }

  private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
    forEachSchema(openAPI, action, Set.of());
  }

  /** Visits every schema in the document once, skipping the component schemas in {@code skip}. */
  private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action, Set<String> skip) {
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    Consumer<Schema> visit = schema -> walk(schema, action, seen);
    Components components = openAPI.getComponents();
    if (components != null) {
      if (components.getSchemas() != null) {
        components
            .getSchemas()
            .forEach((name, s) -> (skip.contains(name) ? nothing() : visit).accept(s));
      }
      if (components.getResponses() != null) {
        components.getResponses().values().forEach(r -> visitResponse(r, visit));
      }
      if (components.getParameters() != null) {
        components.getParameters().values().forEach(p -> visitParameter(p, visit));
      }
      if (components.getRequestBodies() != null) {
        components.getRequestBodies().values().forEach(b -> visitContent(b.getContent(), visit));
      }
    }
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      if (item.getParameters() != null) {
        item.getParameters().forEach(p -> visitParameter(p, visit));
      }
      if (item.getOperations() == null) {
        continue;
      }
      for (Operation operation : item.getOperations().values()) {
        if (operation.getParameters() != null) {
          operation.getParameters().forEach(p -> visitParameter(p, visit));
        }
        if (operation.getRequestBody() != null) {
          visitContent(operation.getRequestBody().getContent(), visit);
        }
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponses() != null) {
          operation.getResponses().getAPIResponses().values().forEach(r -> visitResponse(r, visit));
        }
      }
    }
  }

  private static Consumer<Schema> nothing() {
    return schema -> {};
  }

  private static void visitResponse(APIResponse response, Consumer<Schema> visit) {
    visitContent(response.getContent(), visit);
    if (response.getHeaders() != null) {
      response.getHeaders().values().forEach(h -> visitNullable(h.getSchema(), visit));
    }
  }

  private static void visitParameter(Parameter parameter, Consumer<Schema> visit) {
    visitNullable(parameter.getSchema(), visit);
    visitContent(parameter.getContent(), visit);
  }

  private static void visitContent(Content content, Consumer<Schema> visit) {
    if (content != null && content.getMediaTypes() != null) {
      for (MediaType type : content.getMediaTypes().values()) {
        visitNullable(type.getSchema(), visit);
      }
    }
  }

  private static void visitNullable(Schema schema, Consumer<Schema> visit) {
    if (schema != null) {
      visit.accept(schema);
    }
  }

  private static void walk(Schema schema, Consumer<Schema> action, Map<Schema, Boolean> seen) {
    if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    action.accept(schema);
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(s -> walk(s, action, seen));
    }
    walk(schema.getItems(), action, seen);
    walk(schema.getAdditionalPropertiesSchema(), action, seen);
    walk(schema.getNot(), action, seen);
    for (List<Schema> group :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (group != null) {
        group.forEach(s -> walk(s, action, seen));
      }
    }
  }

  /**
   * Each tag once: the runtime adds an operation's tag to the document's list again when the
   * operation's annotation repeats it; the first declaration with a description wins.
   */
  private static void declareTagsOnce(OpenAPI openAPI) {
    if (openAPI.getTags() == null) {
      return;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : openAPI.getTags()) {
      if (tag == null || tag.getName() == null) {
        continue;
      }
      Tag known = byName.get(tag.getName());
      if (known == null || (known.getDescription() == null && tag.getDescription() != null)) {
        byName.put(tag.getName(), tag);
      }
    }
    openAPI.setTags(new ArrayList<>(byName.values()));
  }

  /**
   * Operation ids are unique, as OpenAPI requires and client generators need: the runtime derives
   * them from Java method names, so {@code login} of the user and of the admin collide. Colliding
   * ids get the operation's tag in front ({@code sessionsLogin}, {@code adminLogin}); an id a
   * resource chose that collides with nothing stays as it is.
   */
  private static void uniqueOperationIds(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, List<Operation>> byId = new LinkedHashMap<>();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      if (item.getOperations() != null) {
        for (Operation operation : item.getOperations().values()) {
          if (operation.getOperationId() != null) {
            byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>())
                .add(operation);
          }
        }
      }
    }
    Set<String> taken = new HashSet<>(byId.keySet());
    byId.forEach(
        (id, operations) -> {
          if (operations.size() < 2) {
            return;
          }
          for (Operation operation : operations) {
            String prefix =
                operation.getTags() == null || operation.getTags().isEmpty()
                    ? "operation"
                    : operation.getTags().get(0);
            String unique = prefix + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            for (int n = 2; taken.contains(unique); n++) {
              unique = prefix + Character.toUpperCase(id.charAt(0)) + id.substring(1) + n;
            }
            taken.add(unique);
            operation.setOperationId(unique);
          }
        });
  }

  /**
   * Payara Micro adds a top-level {@code endpoints} map (its listeners' URLs) that no OpenAPI
   * version defines; an empty map is left out when the document is written. Its implementation
   * class offers the setter; another runtime simply has nothing to remove.
   */
  private static void dropEndpoints(OpenAPI openAPI) {
    try {
      Method setter = openAPI.getClass().getMethod("setEndpoints", Map.class);
      setter.invoke(openAPI, new LinkedHashMap<String, Set<String>>());
    } catch (ReflectiveOperationException | RuntimeException notPayara) {
      // Nothing to remove on this runtime.
    }
  }
}
