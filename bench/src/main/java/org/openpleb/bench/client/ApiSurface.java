package org.openpleb.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations this server build offers, read from its OpenAPI document ({@code GET /openapi} as
 * JSON). A scenario lists the operations it needs; when any is missing the scenario is reported as
 * not available in this build instead of failing on 404s.
 *
 * @param operations every operation as {@code METHOD /path}, path templates as declared
 */
public record ApiSurface(Set<String> operations) {

  public ApiSurface {
    operations = Set.copyOf(operations);
  }

  /** Reads the surface from the server; empty when the document cannot be read. */
  public static ApiSurface read(ApiClient api) {
    ApiResponse doc = api.probe("/openapi", "application/json");
    return doc.ok() ? of(doc.json()) : new ApiSurface(Set.of());
  }

  /** The surface an OpenAPI document (as JSON) declares. */
  public static ApiSurface of(JsonNode openapi) {
    Set<String> ops = new TreeSet<>();
    JsonNode paths = openapi.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          ops.add(method + " " + normalize(path.getKey()));
        }
      }
    }
    return new ApiSurface(ops);
  }

  /** Whether the operation exists; path parameters match whatever they are named. */
  public boolean has(String operation) {
    return operations.contains(normalizeOperation(operation));
  }

  /** The operations of {@code required} this build lacks, in the given order. */
  public List<String> missing(List<String> required) {
    List<String> out = new ArrayList<>();
    for (String op : required) {
      if (!has(op)) {
        out.add(op);
      }
    }
    return out;
  }

  /** The first operation of {@code candidates} that exists, or null. */
  public String firstOf(String... candidates) {
    for (String c : candidates) {
      if (has(c)) {
        return c;
      }
    }
    return null;
  }

  private static String normalizeOperation(String operation) {
    int space = operation.indexOf(' ');
    return operation.substring(0, space).toUpperCase(Locale.ROOT)
        + " "
        + normalize(operation.substring(space + 1).trim());
  }

  /** {@code /api/offers/{offerId}} and {@code /api/offers/{id}} are the same path. */
  static String normalize(String path) {
    String p = path.replaceAll("\\{[^}/]*}", "{}");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
