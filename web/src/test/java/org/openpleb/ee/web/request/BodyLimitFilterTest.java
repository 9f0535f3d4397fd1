package org.openpleb.ee.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.offer.TradeConfig;
import org.openpleb.ee.platform.BodyLimitConfig;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/** One body limit for every API method, by media type (issue #11, finding 3). */
class BodyLimitFilterTest {

  private final BodyLimitFilter filter = new BodyLimitFilter();

  BodyLimitFilterTest() {
    filter.limits =
        new BodyLimitConfig() {
          @Override
          public int jsonMaxBytes() {
            return 10;
          }
        };
    filter.trade =
        new TradeConfig() {
          @Override
          public int receiptMaxBytes() {
            return 20;
          }
        };
  }

  /** A request of {@code method} with {@code type}, declared {@code length} and {@code body}. */
  private static ContainerRequestContext request(
      String method, MediaType type, int length, byte[] body, AtomicReference<InputStream> entity) {
    entity.set(new ByteArrayInputStream(body));
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            BodyLimitFilterTest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getMethod" -> method;
                  case "getMediaType" -> type;
                  case "getLength" -> length;
                  case "hasEntity" -> body.length > 0;
                  case "getEntityStream" -> entity.get();
                  case "setEntityStream" -> {
                    entity.set((InputStream) args[0]);
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  @Test
  void aGetOrDeleteBodyIsNeverRead() throws IOException {
    for (String method : new String[] {"GET", "DELETE", "HEAD", "OPTIONS"}) {
      AtomicReference<InputStream> entity = new AtomicReference<>();
      filter.filter(
          request(method, MediaType.APPLICATION_JSON_TYPE, 5, "{{{{{".getBytes(), entity));
      assertEquals(-1, entity.get().read(), method);
    }
  }

  @Test
  void aDeclaredLengthOverTheJsonLimitIsRefusedAtOnce() {
    AtomicReference<InputStream> entity = new AtomicReference<>();
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                filter.filter(
                    request("POST", MediaType.APPLICATION_JSON_TYPE, 11, new byte[11], entity)));
    assertEquals(ProblemCode.PAYLOAD_TOO_LARGE, refused.code());
  }

  @Test
  void aChunkedJsonBodyIsCutOffOneBytePastTheLimit() throws IOException {
    AtomicReference<InputStream> entity = new AtomicReference<>();
    filter.filter(request("POST", MediaType.APPLICATION_JSON_TYPE, -1, new byte[1000], entity));
    assertEquals(10, entity.get().readNBytes(10).length);
    assertThrows(BodyTooLargeException.class, () -> entity.get().read());
  }

  @Test
  void aReceiptImageHasTheReceiptLimit() throws IOException {
    AtomicReference<InputStream> entity = new AtomicReference<>();
    filter.filter(request("POST", new MediaType("image", "png"), 20, new byte[20], entity));
    assertEquals(20, entity.get().readAllBytes().length);
    assertThrows(
        DomainException.class,
        () ->
            filter.filter(
                request("POST", new MediaType("image", "png"), 21, new byte[21], entity)));
  }

  @Test
  void aBodyOfAnyOtherTypeOrNoneIsUnsupportedAndNamesTheAcceptedTypes() {
    for (MediaType type :
        new MediaType[] {
          null, MediaType.TEXT_PLAIN_TYPE, MediaType.APPLICATION_FORM_URLENCODED_TYPE
        }) {
      AtomicReference<InputStream> entity = new AtomicReference<>();
      DomainException refused =
          assertThrows(
              DomainException.class,
              () -> filter.filter(request("POST", type, 3, "abc".getBytes(), entity)));
      assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused.code());
      assertTrue(refused.getMessage().contains("application/json"), refused.getMessage());
    }
  }

  @Test
  void jsonInAnyCharsetButUtf8IsUnsupported() throws IOException {
    for (String charset : new String[] {"ebcdic", "utf-16", "ISO-8859-1"}) {
      AtomicReference<InputStream> entity = new AtomicReference<>();
      MediaType type = MediaType.APPLICATION_JSON_TYPE.withCharset(charset);
      DomainException refused =
          assertThrows(
              DomainException.class,
              () -> filter.filter(request("POST", type, 2, "{}".getBytes(), entity)),
              charset);
      assertEquals(ProblemCode.UNSUPPORTED_MEDIA_TYPE, refused.code());
    }
    AtomicReference<InputStream> entity = new AtomicReference<>();
    filter.filter(
        request(
            "POST",
            MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"),
            2,
            "{}".getBytes(),
            entity));
    assertEquals(2, entity.get().readAllBytes().length);
  }

  @Test
  void anEmptyPostWithoutTypeStaysAllowed() throws IOException {
    AtomicReference<InputStream> entity = new AtomicReference<>();
    filter.filter(request("POST", null, 0, new byte[0], entity));
    assertEquals(-1, entity.get().read());
  }
}
