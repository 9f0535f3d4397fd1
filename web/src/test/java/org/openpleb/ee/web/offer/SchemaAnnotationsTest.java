package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.web.dispute.ResolutionRequest;

/**
 * The schema annotations as Payara's OpenAPI scanner needs them. It reads only the web module's
 * classes, so an enum of the domain module comes out as an untyped object unless the property lists
 * its values: each listed enumeration must be exactly the enum's constants. And it takes a schema
 * annotation on any method whose name contains "set" for a setter's and fails the whole document on
 * an accessor like {@code settlement()}: no such method may carry one.
 */
class SchemaAnnotationsTest {

  private static final List<Class<? extends Record>> RECORDS =
      List.of(
          OfferRepresentation.class,
          SettlementView.class,
          OrderBookPage.class,
          ResolutionRequest.class,
          CreateOfferRequest.class,
          FeedbackRequest.class,
          AnswerRequest.class,
          FundingRequest.class,
          ClaimRequest.class);

  @Test
  void everyEnumPropertyListsExactlyItsEnumsConstants() throws Exception {
    int checked = 0;
    for (Class<? extends Record> type : RECORDS) {
      for (RecordComponent component : type.getRecordComponents()) {
        Class<?> value = component.getType();
        Schema schema = type.getDeclaredField(component.getName()).getAnnotation(Schema.class);
        if (!value.isEnum() || schema == null || schema.enumeration().length == 0) {
          continue;
        }
        List<String> constants =
            Arrays.stream(value.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        assertEquals(
            constants,
            List.of(schema.enumeration()),
            type.getSimpleName() + "." + component.getName());
        assertEquals(
            SchemaType.STRING, schema.type(), type.getSimpleName() + "." + component.getName());
        checked++;
      }
    }
    assertEquals(
        7, checked, "the offer's four, the settlement's two, the resolution request's one");
  }

  @Test
  void everyDomainEnumPropertyListsItsValues() throws Exception {
    // an enum the web module does not declare is invisible to the scanner
    for (Class<? extends Record> type : RECORDS) {
      for (RecordComponent component : type.getRecordComponents()) {
        Class<?> value = component.getType();
        if (value.isEnum() && !value.getPackageName().startsWith("org.openpleb.ee.web")) {
          Schema schema = type.getDeclaredField(component.getName()).getAnnotation(Schema.class);
          assertNotNull(schema, type.getSimpleName() + "." + component.getName());
          assertTrue(
              schema.enumeration().length > 0, type.getSimpleName() + "." + component.getName());
        }
      }
    }
  }

  @Test
  void noSchemaAnnotatedAccessorNamesSetOrReturnsAList() throws Exception {
    Path classes =
        Path.of(
            OfferRepresentation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
        Class<?> type =
            Class.forName(
                name.substring(0, name.length() - ".class".length()),
                false,
                getClass().getClassLoader());
        for (Method method : type.getDeclaredMethods()) {
          if (method.isAnnotationPresent(Schema.class)
              && method.getParameterCount() == 0
              && (method.getName().toLowerCase(Locale.ROOT).contains("set")
                  || java.util.Collection.class.isAssignableFrom(method.getReturnType()))) {
            offending.add(type.getName() + "." + method.getName());
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
