package org.openpleb.ee.web.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Repairs what the runtime's annotation scanner writes wrongly into schemas, so the document says
 * what the server sends and a strict JSON Schema validator accepts it:
 *
 * <ul>
 *   <li>every schema written from a {@code @Schema} annotation carries that annotation's default
 *       values ({@code maxProperties: 0}, {@code exclusiveMaximum: false} without a maximum, {@code
 *       minLength: 0}, {@code nullable: false}, …); {@code maxProperties: 0} would allow no field
 *       at all and a lone {@code exclusiveMaximum} is invalid JSON Schema, so they go;
 *   <li>{@code long} and {@code int} record components come out as {@code number}: sats are
 *       integers, so components of the API's records that are integral become {@code integer} with
 *       their {@code format};
 *   <li>a schema that lists {@code enum} values or says {@code date-time} but came out as {@code
 *       object} (the enums of the domain module, the JDK's time types) becomes a {@code string}.
 * </ul>
 */
final class SchemaRepairs {

  private static final Logger LOG = Logger.getLogger(SchemaRepairs.class.getName());

  /** The package whose records the API answers with and reads. */
  private static final String API_PACKAGE = "org/openpleb/ee/web/";

  /** The API's records by the set of their component names, which their schemas' keys repeat. */
  private final Map<Set<String>, Class<?>> records;

  private SchemaRepairs(Map<Set<String>, Class<?>> records) {
    this.records = records;
  }

  /** The repairs for the API's records, found on the class path of this module. */
  static SchemaRepairs forApiRecords() {
    return new SchemaRepairs(apiRecords());
  }

  /** The repairs for the given records (for tests). */
  static SchemaRepairs forRecords(List<Class<?>> records) {
    return new SchemaRepairs(byComponents(records));
  }

  /** Repairs one schema, wherever it sits in the document. */
  void repair(Schema schema) {
    dropAnnotationDefaults(schema);
    if (schema.getRef() != null) {
      return;
    }
    integralComponents(schema);
    String format = schema.getFormat();
    boolean untyped = schema.getType() == null || schema.getType() == Schema.SchemaType.OBJECT;
    if (schema.getEnumeration() != null
        && !schema.getEnumeration().isEmpty()
        && untyped
        && schema.getEnumeration().stream().allMatch(String.class::isInstance)) {
      schema.setType(Schema.SchemaType.STRING);
      schema.setProperties(null);
    } else if (("int64".equals(format) || "int32".equals(format))
        && (untyped || schema.getType() == Schema.SchemaType.NUMBER)) {
      schema.setType(Schema.SchemaType.INTEGER);
    } else if ("date-time".equals(format) && untyped) {
      schema.setType(Schema.SchemaType.STRING);
      schema.setProperties(null);
    }
  }

  /**
   * Integral components of the record an object schema describes become integers. The runtime
   * copies a record's schema inline into responses, so the record is recognised by its component
   * names, not by a schema name.
   */
  private void integralComponents(Schema schema) {
    if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
      return;
    }
    Class<?> record = records.get(schema.getProperties().keySet());
    if (record == null) {
      return;
    }
    for (RecordComponent component : record.getRecordComponents()) {
      Schema property = schema.getProperties().get(component.getName());
      String format = integerFormat(component.getType());
      if (property != null && property.getRef() == null && format != null) {
        property.setType(Schema.SchemaType.INTEGER);
        property.setFormat(format);
      }
    }
  }

  private static String integerFormat(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return "int64";
    }
    if (type == int.class || type == Integer.class || type == short.class) {
      return "int32";
    }
    return null;
  }

  private static void dropAnnotationDefaults(Schema schema) {
    if (schema.getMaximum() == null) {
      schema.setExclusiveMaximum(null);
    }
    if (schema.getMinimum() == null) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinItems())) {
      schema.setMinItems(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
  }

  /** The records of the web module: what the API answers with and reads. */
  private static Map<Set<String>, Class<?>> apiRecords() {
    ClassLoader loader = SchemaRepairs.class.getClassLoader();
    List<Class<?>> found = new ArrayList<>();
    for (String className : classNames(loader)) {
      try {
        Class<?> type = Class.forName(className, false, loader);
        if (type.isRecord()) {
          found.add(type);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not a class the API can answer with
      }
    }
    return byComponents(found);
  }

  /** Records by their component names; a set two records share is left out rather than guessed. */
  private static Map<Set<String>, Class<?>> byComponents(List<Class<?>> records) {
    Map<Set<String>, Class<?>> found = new HashMap<>();
    Set<Set<String>> ambiguous = new HashSet<>();
    for (Class<?> record : records) {
      Set<String> names = new HashSet<>();
      for (RecordComponent component : record.getRecordComponents()) {
        names.add(component.getName());
      }
      Class<?> other = found.putIfAbsent(Set.copyOf(names), record);
      if (other != null && !sameIntegrals(other, record)) {
        ambiguous.add(Set.copyOf(names));
      }
    }
    ambiguous.forEach(found::remove);
    return Map.copyOf(found);
  }

  private static boolean sameIntegrals(Class<?> one, Class<?> other) {
    Map<String, String> formats = new HashMap<>();
    for (RecordComponent c : one.getRecordComponents()) {
      formats.put(c.getName(), String.valueOf(integerFormat(c.getType())));
    }
    for (RecordComponent c : other.getRecordComponents()) {
      if (!String.valueOf(integerFormat(c.getType())).equals(formats.get(c.getName()))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> classNames(ClassLoader loader) {
    try {
      Enumeration<URL> roots = loader.getResources(API_PACKAGE);
      List<String> names = new ArrayList<>();
      while (roots.hasMoreElements()) {
        names.addAll(classNames(roots.nextElement()));
      }
      return names;
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      // The document is still served; only the integer repairs are missing (ApiContractIT fails).
      LOG.log(Level.WARNING, "could not list the API records: {0}", e.toString());
      return List.of();
    }
  }

  private static List<String> classNames(URL root) throws IOException, URISyntaxException {
    if ("jar".equals(root.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        return jar.stream()
            .map(JarEntry::getName)
            .filter(n -> n.startsWith(API_PACKAGE) && n.endsWith(".class"))
            .map(SchemaRepairs::className)
            .toList();
      }
    }
    if (!"file".equals(root.getProtocol())) {
      return List.of();
    }
    Path base = Path.of(root.toURI());
    Path classes = base;
    for (int i = 0; i < API_PACKAGE.split("/").length; i++) {
      classes = classes.getParent();
    }
    Path top = classes;
    try (Stream<Path> files = Files.walk(base)) {
      return files
          .filter(p -> p.toString().endsWith(".class"))
          .map(p -> className(top.relativize(p).toString().replace('\\', '/')))
          .toList();
    }
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }
}
