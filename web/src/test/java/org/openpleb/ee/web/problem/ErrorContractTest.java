package org.openpleb.ee.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

class ErrorContractTest {

  private static final String PATH = "/api/pricing/quote";

  private final ErrorContract contract = new ErrorContract(() -> "cid-1");

  @Test
  void aDomainExceptionKeepsItsCodeAndItsClientSafeMessage() {
    Problem problem =
        contract.problemFor(
            new DomainException(ProblemCode.CONFLICT, "offer 7 was already claimed"), PATH);

    assertEquals(409, problem.status());
    assertEquals("CONFLICT", problem.code());
    assertEquals("Conflict", problem.title());
    assertEquals("urn:openpleb:problem:conflict", problem.type());
    assertEquals("offer 7 was already claimed", problem.detail());
    assertEquals(PATH, problem.instance());
    assertNull(problem.correlationId());
  }

  @Test
  void aDomainExceptionWrappedByTheEjbContainerIsUnwrapped() {
    EJBException wrapped =
        new EJBException(new DomainException(ProblemCode.VALIDATION_FAILED, "too large"));

    Problem problem = contract.problemFor(wrapped, PATH);

    assertEquals("VALIDATION_FAILED", problem.code());
    assertEquals("too large", problem.detail());
  }

  @Test
  void anUnknownPathIsNotFound() {
    Problem problem = contract.problemFor(new NotFoundException(), "/api/nope");

    assertEquals(404, problem.status());
    assertEquals("NOT_FOUND", problem.code());
    assertEquals("/api/nope", problem.instance());
  }

  @Test
  void aWrongMethodNamesTheAllowedOnes() {
    Problem problem =
        contract.problemFor(new NotAllowedException("HEAD", new String[] {"GET"}), PATH);

    assertEquals(405, problem.status());
    assertEquals("METHOD_NOT_ALLOWED", problem.code());
    assertEquals("This resource accepts only GET, HEAD.", problem.detail());
  }

  @Test
  void mediaTypeRejectionsHaveTheirOwnCodes() {
    assertEquals(
        "UNSUPPORTED_MEDIA_TYPE", contract.problemFor(new NotSupportedException(), PATH).code());
    assertEquals(415, contract.problemFor(new NotSupportedException(), PATH).status());
    assertEquals("NOT_ACCEPTABLE", contract.problemFor(new NotAcceptableException(), PATH).code());
    assertEquals(406, contract.problemFor(new NotAcceptableException(), PATH).status());
  }

  @Test
  void aMediaTypeRefusalNamesWhatIsAccepted() {
    String notAcceptable = contract.problemFor(new NotAcceptableException(), PATH).detail();
    assertTrue(notAcceptable.contains("application/json"), notAcceptable);
    assertTrue(notAcceptable.contains("text/event-stream"), notAcceptable);
    String unsupported = contract.problemFor(new NotSupportedException(), PATH).detail();
    assertTrue(unsupported.contains("application/json"), unsupported);
    assertTrue(unsupported.contains("image/png"), unsupported);
  }

  @Test
  void aJsonBindingFailureWhileReadingTheBodyIsMalformedJson() {
    ProcessingException read =
        new ProcessingException("Error reading entity", new JsonbException("Unexpected char"));

    Problem problem = contract.problemFor(read, PATH);

    assertEquals(400, problem.status());
    assertEquals("MALFORMED_JSON", problem.code());
    assertFalse(problem.detail().contains("Unexpected char"), problem.detail());
  }

  @Test
  void everyJsonLibrarysSyntaxErrorIsMalformedJson() {
    assertEquals("MALFORMED_JSON", contract.problemFor(new JsonbException("bad"), PATH).code());
    assertEquals(
        "MALFORMED_JSON", contract.problemFor(new JsonParsingException("bad", null), PATH).code());
    assertEquals(
        "MALFORMED_JSON",
        contract.problemFor(new BadRequestException(new JsonbException("bad")), PATH).code());
    assertEquals(
        "MALFORMED_JSON",
        contract.problemFor(new ProcessingException(jacksonSyntaxError()), PATH).code());
  }

  @Test
  void aMissingBodyIsMalformedJson() {
    Problem problem =
        contract.problemFor(new BadRequestException(new NoContentException("empty")), PATH);

    assertEquals("MALFORMED_JSON", problem.code());
    assertEquals("This request needs a JSON body and got none.", problem.detail());
  }

  @Test
  void aProcessingFailureWithoutJsonBehindItIsAServerFault() {
    Problem problem =
        contract.problemFor(new ProcessingException(new IllegalStateException("pool")), PATH);

    assertEquals("INTERNAL_ERROR", problem.code());
  }

  @Test
  void beanValidationNamesTheClientsFieldsNotTheJavaCallPath() {
    ConstraintViolationException invalid =
        new ConstraintViolationException(
            violations(
                violation(
                    "must be greater than 0",
                    "quote",
                    ElementKind.METHOD,
                    "request",
                    ElementKind.PARAMETER,
                    "fiatAmount",
                    ElementKind.PROPERTY),
                violation(
                    "must not be null",
                    "quote",
                    ElementKind.METHOD,
                    "request",
                    ElementKind.PARAMETER,
                    "btcPrice",
                    ElementKind.PROPERTY)));

    Problem problem = contract.problemFor(invalid, PATH);

    assertEquals(400, problem.status());
    assertEquals("VALIDATION_FAILED", problem.code());
    assertEquals(
        "btcPrice: must not be null; fiatAmount: must be greater than 0", problem.detail());
  }

  @Test
  void anInvalidResponseIsTheServersFault() {
    ConstraintViolationException invalid =
        new ConstraintViolationException(
            violations(
                violation(
                    "must not be null",
                    "info",
                    ElementKind.METHOD,
                    "<return value>",
                    ElementKind.RETURN_VALUE)));

    Problem problem = contract.problemFor(invalid, "/api/info");

    assertEquals("INTERNAL_ERROR", problem.code());
    assertEquals("cid-1", problem.correlationId());
  }

  @Test
  void anUnexpectedFailureRevealsOnlyItsCorrelationId() {
    Problem problem =
        contract.problemFor(
            new IllegalStateException("jdbc:postgresql://db/openpleb password=hunter2"), PATH);

    assertEquals(500, problem.status());
    assertEquals("INTERNAL_ERROR", problem.code());
    assertEquals("cid-1", problem.correlationId());
    assertTrue(problem.detail().contains("cid-1"), problem.detail());
    assertFalse(problem.detail().contains("hunter2"), problem.detail());
    assertFalse(problem.detail().contains("IllegalStateException"), problem.detail());
  }

  @Test
  void aFrameworkServerErrorIsAlsoCorrelated() {
    Problem problem = contract.problemFor(new InternalServerErrorException("no writer"), PATH);

    assertEquals("INTERNAL_ERROR", problem.code());
    assertEquals("cid-1", problem.correlationId());
    assertFalse(problem.detail().contains("no writer"));
  }

  @Test
  void otherFrameworkRejectionsMapByStatusWithoutQuotingInternals() {
    Problem forbidden = contract.problemFor(new ForbiddenException("role admin missing"), PATH);
    Problem teapot = contract.problemFor(new WebApplicationException("internal text", 418), PATH);

    assertEquals("FORBIDDEN", forbidden.code());
    assertEquals("Forbidden.", forbidden.detail());
    assertEquals("BAD_REQUEST", teapot.code());
    assertEquals(400, teapot.status());
  }

  @Test
  void everyCorrelationIdIsFresh() {
    ErrorContract random = new ErrorContract();

    String first = random.problemFor(new IllegalStateException(), PATH).correlationId();
    String second = random.problemFor(new IllegalStateException(), PATH).correlationId();

    assertFalse(first.equals(second));
  }

  private static JsonProcessingException jacksonSyntaxError() {
    try {
      new ObjectMapper().readTree("{");
      throw new AssertionError("Jackson accepted '{'");
    } catch (JsonProcessingException e) {
      return e;
    }
  }

  private static Set<ConstraintViolation<?>> violations(ConstraintViolation<?>... violations) {
    return new LinkedHashSet<>(List.of(violations));
  }

  /** A violation whose path is given as alternating node names and kinds. */
  private static ConstraintViolation<?> violation(String message, Object... nameKindPairs) {
    List<Path.Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < nameKindPairs.length; i += 2) {
      nodes.add(node((String) nameKindPairs[i], (ElementKind) nameKindPairs[i + 1]));
    }
    Path path =
        (Path)
            Proxy.newProxyInstance(
                Path.class.getClassLoader(),
                new Class<?>[] {Path.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "iterator" -> nodes.iterator();
                      case "toString" -> nodes.toString();
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    Map<String, Object> answers = Map.of("getMessage", message, "getPropertyPath", path);
    return (ConstraintViolation<?>)
        Proxy.newProxyInstance(
            ConstraintViolation.class.getClassLoader(),
            new Class<?>[] {ConstraintViolation.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> message;
                  default -> answers.get(method.getName());
                });
  }

  private static Path.Node node(String name, ElementKind kind) {
    return (Path.Node)
        Proxy.newProxyInstance(
            Path.Node.class.getClassLoader(),
            new Class<?>[] {Path.Node.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getName" -> name;
                  case "getKind" -> kind;
                  case "toString" -> name;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aBodyThatWentPastItsLimitWhileReadIsPayloadTooLargeNotAnInternalError() {
    Problem direct =
        contract.problemFor(new org.openpleb.ee.web.request.BodyTooLargeException(10), PATH);
    Problem wrapped =
        contract.problemFor(
            new ProcessingException(
                "reading", new org.openpleb.ee.web.request.BodyTooLargeException(10)),
            PATH);

    for (Problem problem : List.of(direct, wrapped)) {
      assertEquals(413, problem.status());
      assertEquals("PAYLOAD_TOO_LARGE", problem.code());
      assertNull(problem.correlationId());
    }
  }

  @Test
  void aStrictReaderRefusalWrappedByTheRuntimeKeepsItsCodeAndField() {
    Problem problem =
        contract.problemFor(
            new ProcessingException(
                "reading",
                new DomainException(ProblemCode.MALFORMED_JSON, "amount: must be a JSON integer")),
            PATH);

    assertEquals("MALFORMED_JSON", problem.code());
    assertEquals("amount: must be a JSON integer", problem.detail());
    assertNull(problem.correlationId());
  }

  @Test
  void anUnsupportedMediaTypeNamesTheAcceptedOnes() {
    Problem problem = contract.problemFor(new NotSupportedException(), PATH);

    assertTrue(problem.detail().contains("application/json"), problem.detail());
  }
}
