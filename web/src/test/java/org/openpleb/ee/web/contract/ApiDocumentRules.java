package org.openpleb.ee.web.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the API's OpenAPI document must keep (issue #13), each returning the list of its
 * violations, one line per offending operation or schema, so a failing test names all of them at
 * once. {@code ApiContractIT} applies them to the server's document; {@code ApiDocumentRulesTest}
 * shows each one fails on a document that breaks it.
 */
final class ApiDocumentRules {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_REF = "#/components/schemas/Problem";

  /** Error responses the document adds to every operation, and to those with a body. */
  static final List<String> GENERIC = List.of("400", "401", "406", "429", "500", "503");

  static final List<String> WITH_BODY = List.of("413", "415");

  private static final Pattern README_ROW =
      Pattern.compile("^\\| `(GET|POST|DELETE)[` /]", Pattern.MULTILINE);
  private static final Pattern README_PATH = Pattern.compile("(/api/[A-Za-z0-9/{}_-]*)");

  private ApiDocumentRules() {}

  /**
   * Every operation documents exactly one success status; it has a typed content schema unless it
   * is 204 or its content is binary (an image) or a server-sent event stream.
   */
  static List<String> successResponses(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    forEachOperation(
        api,
        (name, operation) -> {
          Map<String, ApiResponse> success = new LinkedHashMap<>();
          responses(operation)
              .forEach(
                  (status, response) -> {
                    if (status.startsWith("2")) {
                      success.put(status, response);
                    }
                  });
          if (success.size() != 1) {
            violations.add(name + ": " + success.size() + " success statuses " + success.keySet());
            return;
          }
          String status = success.keySet().iterator().next();
          ApiResponse response = resolve(api, success.get(status));
          if (status.equals("204")) {
            return;
          }
          Content content = response.getContent();
          if (content == null || content.isEmpty()) {
            violations.add(name + ": " + status + " has no content schema");
            return;
          }
          content.forEach(
              (mediaType, media) -> {
                if (isBinaryOrStream(mediaType)) {
                  return;
                }
                String untyped = untyped(api, media.getSchema());
                if (untyped != null) {
                  violations.add(name + ": " + status + " " + mediaType + " " + untyped);
                }
              });
        });
    return violations;
  }

  /** No operation has a {@code default} response. */
  static List<String> noDefaultResponses(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    forEachOperation(
        api,
        (name, operation) -> {
          if (responses(operation).containsKey("default")) {
            violations.add(name + ": has a default response");
          }
        });
    return violations;
  }

  /** Every 4xx and 5xx response is {@code application/problem+json} with the Problem schema. */
  static List<String> errorsAreProblems(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    forEachOperation(
        api,
        (name, operation) ->
            responses(operation)
                .forEach(
                    (status, raw) -> {
                      if (!(status.startsWith("4") || status.startsWith("5"))) {
                        return;
                      }
                      ApiResponse response = resolve(api, raw);
                      Content content = response == null ? null : response.getContent();
                      MediaType problem = content == null ? null : content.get(PROBLEM_JSON);
                      boolean ok =
                          problem != null
                              && content.size() == 1
                              && problem.getSchema() != null
                              && PROBLEM_REF.equals(problem.getSchema().get$ref());
                      if (!ok) {
                        violations.add(name + ": " + status + " is not a Problem document");
                      }
                    }));
    return violations;
  }

  /** The generic error statuses are on every operation, 413 and 415 on those with a body. */
  static List<String> genericErrors(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    forEachOperation(
        api,
        (name, operation) -> {
          List<String> expected = new ArrayList<>(GENERIC);
          if (operation.getRequestBody() != null) {
            expected.addAll(WITH_BODY);
          }
          for (String status : expected) {
            if (!responses(operation).containsKey(status)) {
              violations.add(name + ": no " + status);
            }
          }
        });
    return violations;
  }

  /** The Problem schema's {@code code} enum: exactly {@code codes}, in order. */
  static List<String> problemCodes(OpenAPI api, List<String> codes) {
    Schema<?> problem = componentSchema(api, "Problem");
    if (problem == null || problem.getProperties() == null) {
      return List.of("no Problem schema");
    }
    Schema<?> code = problem.getProperties().get("code");
    List<String> documented =
        code == null || code.getEnum() == null
            ? List.of()
            : code.getEnum().stream().map(String::valueOf).toList();
    return documented.equals(codes)
        ? List.of()
        : List.of("Problem.code enum " + documented + " is not ProblemCode's " + codes);
  }

  /**
   * Timestamps are {@code string}/{@code date-time}: no JDK time class as a schema, and every
   * property named like a moment ({@code createdAt}, {@code expiresAt}…) is a date-time string.
   */
  static List<String> timestamps(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    Map<String, Schema> schemas = schemas(api);
    for (String jdk : List.of("OffsetDateTime", "Instant", "ZonedDateTime", "LocalDateTime")) {
      if (schemas.containsKey(jdk)) {
        violations.add(
            "components/schemas/" + jdk + " exists: timestamps must be date-time strings");
      }
    }
    forEachProperty(
        api,
        (where, property) -> {
          Schema<?> schema = resolve(api, property);
          String name = where.substring(where.lastIndexOf('.') + 1);
          if (name.endsWith("At") && schema != null) {
            boolean dateTime =
                "string".equals(typeOf(schema)) && "date-time".equals(schema.getFormat());
            if (!dateTime) {
              violations.add(where + " is " + typeOf(schema) + "/" + schema.getFormat());
            }
          }
        });
    return violations;
  }

  /** Properties that carry sats (or a count): the document must call them integers. */
  static final Set<String> WHOLE_NUMBERS =
      Set.of(
          "sats",
          "amount",
          "fee",
          "bond",
          "takerFee",
          "platformFee",
          "takerEarns",
          "funding",
          "fiatAmount",
          "spendable",
          "reserved",
          "inflight",
          "makerAmount",
          "takerAmount",
          "platformAmount",
          "mintFees",
          "change",
          "makerFunding",
          "takerBond",
          "flatSats",
          "maxFiatAmount",
          "page",
          "size",
          "total");

  /** Amounts in sats and counts are {@code integer}, never {@code number} or a string. */
  static List<String> wholeNumbers(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    forEachProperty(
        api,
        (where, property) -> {
          Schema<?> schema = resolve(api, property);
          String name = where.substring(where.lastIndexOf('.') + 1);
          // an object of the same name (the bond's percentage and flat part) is not an amount
          boolean scalar = schema != null && !"object".equals(typeOf(schema));
          if (WHOLE_NUMBERS.contains(name) && scalar && !"integer".equals(typeOf(schema))) {
            violations.add(where + " is " + typeOf(schema) + ", not integer");
          }
        });
    return violations;
  }

  /**
   * Every schema is one a strict JSON Schema validator accepts and that admits what the server
   * sends: no {@code maxProperties: 0}, no exclusive bound without its bound, no listed values on
   * an object.
   */
  static List<String> soundSchemas(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    BiConsumer<String, Schema> check =
        (where, schema) -> {
          if (schema == null) {
            return;
          }
          if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            violations.add(where + " allows no properties (maxProperties 0)");
          }
          if (schema.getExclusiveMaximum() != null && schema.getMaximum() == null) {
            violations.add(where + " has exclusiveMaximum without maximum");
          }
          if (schema.getExclusiveMinimum() != null && schema.getMinimum() == null) {
            violations.add(where + " has exclusiveMinimum without minimum");
          }
          if (schema.getEnum() != null && "object".equals(typeOf(schema))) {
            violations.add(where + " lists values but is an object");
          }
        };
    schemas(api).forEach((name, schema) -> check.accept(name, schema));
    forEachProperty(api, check);
    forEachOperation(
        api,
        (name, operation) ->
            responses(operation)
                .forEach(
                    (status, response) -> {
                      if (response.getContent() != null) {
                        response
                            .getContent()
                            .forEach(
                                (type, media) ->
                                    check.accept(name + " " + status, media.getSchema()));
                      }
                    }));
    return violations;
  }

  /** Each operation has exactly one tag, declared once at the top with a description. */
  static List<String> tags(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
      if (!declared.add(tag.getName())) {
        violations.add("tag " + tag.getName() + " declared more than once");
      }
      if (tag.getDescription() == null || tag.getDescription().isBlank()) {
        violations.add("tag " + tag.getName() + " has no description");
      }
    }
    forEachOperation(
        api,
        (name, operation) -> {
          List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
          if (tags.size() != 1) {
            violations.add(name + ": " + tags.size() + " tags " + tags);
          } else if (!declared.contains(tags.get(0))) {
            violations.add(name + ": tag " + tags.get(0) + " is not declared");
          }
        });
    return violations;
  }

  /**
   * Some property named {@code property} lists at least {@code values} as its allowed values
   * (anywhere in the document: in a component or inline).
   */
  static List<String> enumListed(OpenAPI api, String property, Collection<String> values) {
    boolean[] found = {false};
    List<String> seen = new ArrayList<>();
    forEachProperty(
        api,
        (where, schema) -> {
          if (!where.endsWith("." + property)) {
            return;
          }
          Schema<?> resolved = resolve(api, schema);
          List<?> allowed = resolved == null ? null : resolved.getEnum();
          if (allowed == null && resolved != null && resolved.getItems() != null) {
            Schema<?> items = resolve(api, resolved.getItems());
            allowed = items == null ? null : items.getEnum();
          }
          seen.add(where + "=" + allowed);
          if (allowed != null
              && allowed.stream().map(String::valueOf).toList().containsAll(values)) {
            found[0] = true;
          }
        });
    return found[0]
        ? List.of()
        : List.of("no property " + property + " lists " + values + " (seen: " + seen + ")");
  }

  /** Every {@code /api} path the README's API table names is an operation path of the document. */
  static List<String> readmePaths(OpenAPI api, String readme) {
    List<String> violations = new ArrayList<>();
    Set<String> documented = new HashSet<>();
    if (api.getPaths() != null) {
      api.getPaths().keySet().forEach(path -> documented.add(shape(path)));
    }
    for (String line : readme.split("\n")) {
      if (!README_ROW.matcher(line).find()) {
        continue;
      }
      String cell = line.substring(0, line.indexOf('|', 1) + 1);
      Matcher paths = README_PATH.matcher(cell);
      while (paths.find()) {
        String path = paths.group(1);
        if (!documented.contains(shape(path))) {
          violations.add("README names " + path + ", the document does not");
        }
      }
    }
    return violations;
  }

  /** A path with its parameters' names left out, so {id} and {offerId} compare equal. */
  private static String shape(String path) {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.replaceAll("\\{[^}/]*}", "{}");
  }

  private static boolean isBinaryOrStream(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    return type.startsWith("image/")
        || type.equals("application/octet-stream")
        || type.equals("text/event-stream");
  }

  /** Why {@code schema} does not type a body, or null when it does. */
  private static String untyped(OpenAPI api, Schema<?> schema) {
    if (schema == null) {
      return "has no schema";
    }
    Schema<?> resolved = resolve(api, schema);
    if (resolved == null) {
      return "refers to a missing schema " + schema.get$ref();
    }
    String type = typeOf(resolved);
    if ("array".equals(type)) {
      return untyped(api, resolved.getItems()) == null ? null : "is an array of untyped items";
    }
    boolean typedObject =
        resolved.getProperties() != null && !resolved.getProperties().isEmpty()
            || resolved.getAllOf() != null
            || resolved.getOneOf() != null
            || resolved.getAnyOf() != null
            || resolved.getAdditionalProperties() instanceof Schema;
    if ((type == null || "object".equals(type)) && !typedObject) {
      return "is an untyped object";
    }
    return null;
  }

  private static String typeOf(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    return schema.getTypes() == null || schema.getTypes().isEmpty()
        ? null
        : schema.getTypes().iterator().next();
  }

  private static Map<String, ApiResponse> responses(Operation operation) {
    return operation.getResponses() == null ? Map.of() : operation.getResponses();
  }

  private static void forEachOperation(OpenAPI api, BiConsumer<String, Operation> action) {
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (PathItem.HttpMethod method, Operation operation) ->
                            action.accept(method + " " + path, operation)));
  }

  /** Visits every property schema in the document as {@code owner.property}. */
  private static void forEachProperty(OpenAPI api, BiConsumer<String, Schema> action) {
    Map<Schema, Boolean> seen = new IdentityHashMap<>();
    schemas(api).forEach((name, schema) -> walkProperties(name, schema, action, seen));
    forEachOperation(
        api,
        (name, operation) -> {
          if (operation.getRequestBody() != null
              && operation.getRequestBody().getContent() != null) {
            operation
                .getRequestBody()
                .getContent()
                .forEach((type, media) -> walkProperties(name, media.getSchema(), action, seen));
          }
          responses(operation)
              .forEach(
                  (status, response) -> {
                    if (response.getContent() != null) {
                      response
                          .getContent()
                          .forEach(
                              (type, media) ->
                                  walkProperties(
                                      name + " " + status, media.getSchema(), action, seen));
                    }
                  });
        });
  }

  private static void walkProperties(
      String where,
      Schema<?> schema,
      BiConsumer<String, Schema> action,
      Map<Schema, Boolean> seen) {
    if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, property) -> {
                action.accept(where + "." + name, property);
                walkProperties(where + "." + name, property, action, seen);
              });
    }
    walkProperties(where + "[]", schema.getItems(), action, seen);
    for (List<Schema> group :
        java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (group != null) {
        group.forEach(s -> walkProperties(where, s, action, seen));
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> schemas(OpenAPI api) {
    return api.getComponents() == null || api.getComponents().getSchemas() == null
        ? Map.of()
        : api.getComponents().getSchemas();
  }

  private static Schema<?> componentSchema(OpenAPI api, String name) {
    return schemas(api).get(name);
  }

  /** The schema a {@code $ref} names, or the schema itself. */
  static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    Schema<?> current = schema;
    for (int hops = 0; current != null && current.get$ref() != null && hops < 10; hops++) {
      String ref = current.get$ref();
      current = componentSchema(api, ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
    if (response == null || response.get$ref() == null) {
      return response;
    }
    String ref = response.get$ref();
    Map<String, ApiResponse> named =
        api.getComponents() == null || api.getComponents().getResponses() == null
            ? Map.of()
            : api.getComponents().getResponses();
    return named.get(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
