package org.openpleb.ee.web.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Binds a JSON object to a request record and refuses everything a lenient binder would guess at: a
 * number must be a JSON number (an integer one without a fractional value, within {@code long}
 * range, for {@code Long}), a boolean only {@code true} or {@code false}, an enum constant only a
 * JSON string naming one of its constants (the refusal lists them), a string only a JSON string
 * free of control characters other than tab, line feed and carriage return and of unpaired
 * surrogates. Duplicate keys, unknown keys, nested values, trailing content and numbers longer than
 * {@link #MAX_NUMBER_CHARS} characters are refused. Absent and {@code null} fields bind to {@code
 * null}; the resources decide which are required.
 *
 * <p>Syntax and shape errors are {@code MALFORMED_JSON}, bad string contents {@code
 * VALIDATION_FAILED}; both name the field. The input is read as a stream, never more than the
 * caller's stream yields, so the caller bounds the bytes.
 */
public final class StrictJson {

  /** The most characters of a JSON number; longer ones cannot be a sensible amount or price. */
  public static final int MAX_NUMBER_CHARS = 64;

  /** The largest decimal exponent (either sign) a decimal field accepts. */
  static final int MAX_DECIMAL_SCALE = 64;

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(2)
                  .maxNumberLength(MAX_NUMBER_CHARS)
                  .build())
          .build();

  private static final Set<Class<?>> BINDABLE =
      Set.of(String.class, Long.class, Boolean.class, BigDecimal.class);

  private StrictJson() {}

  /** Whether {@code type} is a record whose every component this binder can read strictly. */
  public static boolean canBind(Class<?> type) {
    if (!type.isRecord()) {
      return false;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (!BINDABLE.contains(component.getType()) && !component.getType().isEnum()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The record of {@code type} the JSON object on {@code in} describes.
   *
   * @throws DomainException MALFORMED_JSON or VALIDATION_FAILED naming the field
   * @throws IOException when reading {@code in} fails (e.g. the body exceeded its limit)
   */
  public static <T extends Record> T read(Class<T> type, InputStream in) throws IOException {
    RecordComponent[] components = type.getRecordComponents();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < components.length; i++) {
      index.put(components[i].getName(), i);
    }
    Object[] values = new Object[components.length];
    boolean[] seen = new boolean[components.length];
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw malformed("This request needs a JSON body and got none.");
      }
      if (first != JsonToken.START_OBJECT) {
        throw malformed("The request body must be a JSON object.");
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        String name = parser.currentName();
        Integer at = index.get(name);
        if (at == null) {
          throw malformed(quoted(name) + ": unknown field");
        }
        if (seen[at]) {
          throw malformed(name + ": given more than once");
        }
        seen[at] = true;
        parser.nextToken();
        values[at] = value(components[at], parser);
      }
      if (parser.nextToken() != null) {
        throw malformed("The request body must hold one JSON object and nothing after it.");
      }
    } catch (JsonProcessingException syntax) {
      // Jackson's message quotes the input; the client gets a fixed one.
      throw malformed(syntaxDetail(syntax));
    }
    return construct(type, components, values);
  }

  private static Object value(RecordComponent component, JsonParser parser) throws IOException {
    String field = component.getName();
    Class<?> type = component.getType();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type == String.class) {
      if (token != JsonToken.VALUE_STRING) {
        throw malformed(field + ": must be a JSON string");
      }
      return text(field, parser.getText());
    }
    if (type == Long.class) {
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw malformed(field + ": must be a JSON integer");
      }
      return integer(field, parser.getText());
    }
    if (type == Boolean.class) {
      if (token == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (token == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      throw malformed(field + ": must be true or false");
    }
    if (type.isEnum()) {
      if (token != JsonToken.VALUE_STRING) {
        throw malformed(field + ": must be a JSON string, one of " + names(type));
      }
      return constant(field, type, parser.getText());
    }
    if (type == BigDecimal.class) {
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw malformed(field + ": must be a JSON number");
      }
      return decimal(field, parser.getText());
    }
    // A request record with another component type is a programming error, caught by the tests.
    throw new IllegalStateException("No strict binding for " + type.getName() + " " + field);
  }

  /** A string without control characters a text field never needs, nor unpaired surrogates. */
  static String text(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        throw invalid(field + ": must not contain control characters");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw invalid(field + ": must be valid Unicode text");
      }
      if (Character.isLowSurrogate(c)) {
        throw invalid(field + ": must be valid Unicode text");
      }
    }
    return value;
  }

  /**
   * The constant of {@code type} that {@code value} names. As the resources did before the request
   * records were typed, surrounding white space and letter case do not matter ({@code " split "} is
   * {@code SPLIT}); anything else, the empty string included, is refused naming the allowed values
   * (and never repeating the client's text).
   */
  static Enum<?> constant(String field, Class<?> type, String value) {
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return (Enum<?>) constant;
      }
    }
    throw invalid(field + ": must be one of " + names(type));
  }

  /** The constants of an enum type as the client writes them: {@code APPROVE, ISSUE}. */
  private static String names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name())
        .collect(Collectors.joining(", "));
  }

  /**
   * A whole number from JSON number text; {@code 1e2} is 100, {@code 1.5} and {@code 1e-1} fail.
   */
  static Long integer(String field, String raw) {
    BigDecimal value = decimal(field, raw);
    if (value.signum() == 0) {
      return 0L;
    }
    // scale bounds (checked in decimal) keep stripTrailingZeros and the range check cheap.
    BigDecimal whole = value.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw malformed(field + ": must be a JSON integer");
    }
    try {
      return whole.longValueExact();
    } catch (ArithmeticException outOfRange) {
      throw malformed(
          field + ": must be a JSON integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
    }
  }

  /** A decimal from JSON number text, its exponent bounded so later arithmetic stays cheap. */
  static BigDecimal decimal(String field, String raw) {
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw malformed(field + ": must be a JSON number");
    }
    if (raw.length() > MAX_NUMBER_CHARS || Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
      throw malformed(field + ": the number is out of range");
    }
    return value;
  }

  private static <T extends Record> T construct(
      Class<T> type, RecordComponent[] components, Object[] values) {
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<T> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException refused) {
      if (refused.getCause() instanceof RuntimeException rule) {
        throw rule;
      }
      throw new IllegalStateException("Cannot build " + type.getName(), refused.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build " + type.getName(), e);
    }
  }

  /** A field name the client sent, repeated only when it is a plain identifier. */
  private static String quoted(String name) {
    return name != null && SAFE_NAME.matcher(name).matches() ? name : "a field";
  }

  private static String syntaxDetail(JsonProcessingException syntax) {
    String message = syntax.getOriginalMessage() == null ? "" : syntax.getOriginalMessage();
    if (message.contains("nesting depth")) {
      return "The request body may not nest objects or arrays.";
    }
    if (message.contains("Number value length") || message.contains("number length")) {
      return "A number in the request body is too long.";
    }
    return "The request body is not valid JSON.";
  }

  private static DomainException malformed(String detail) {
    return new DomainException(ProblemCode.MALFORMED_JSON, detail);
  }

  private static DomainException invalid(String detail) {
    return new DomainException(ProblemCode.VALIDATION_FAILED, detail);
  }
}
