package org.openpleb.ee.web.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/** Request bodies are read at most one byte past their limit (issue #11, finding 3). */
class BoundedInputStreamTest {

  /** An endless body that counts what was taken from it, like a chunked upload that never ends. */
  private static final class Endless extends InputStream {
    long taken;

    @Override
    public int read() {
      taken++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      // Stop the drain after a while so the test ends; a real client would send for ever.
      if (taken >= BoundedInputStream.DRAIN_LIMIT * 2) {
        return -1;
      }
      taken += len;
      return len;
    }
  }

  @Test
  void aBodyWithinTheLimitIsReadWhole() throws IOException {
    byte[] body = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = new BoundedInputStream(new ByteArrayInputStream(body), body.length)) {
      assertArrayEquals(body, in.readAllBytes());
    }
  }

  @Test
  void readingPastTheLimitFailsAfterOneExtraByteOnly() throws IOException {
    Endless endless = new Endless();
    InputStream in = new BoundedInputStream(endless, 100);
    byte[] buffer = new byte[1 << 20];
    assertEquals(100, in.readNBytes(buffer, 0, 100));
    BodyTooLargeException tooLarge =
        assertThrows(BodyTooLargeException.class, () -> in.read(buffer, 0, buffer.length));
    assertTrue(tooLarge.getMessage().contains("at most 100 bytes"), tooLarge.getMessage());
    // 101 bytes read for the body, then at most the drain limit dropped: never the 1 MiB asked for
    // in one go, and the drain is bounded.
    assertTrue(endless.taken <= 101 + BoundedInputStream.DRAIN_LIMIT, "took " + endless.taken);
  }

  @Test
  void theStrictReaderTurnsAnOversizedBodyInto413() {
    String json = "{\"qrCode\":\"" + "q".repeat(1000) + "\"}";
    StrictJsonReader reader = new StrictJsonReader();
    reader.limits =
        new org.openpleb.ee.platform.BodyLimitConfig() {
          @Override
          public int jsonMaxBytes() {
            return 64;
          }
        };
    DomainException refusal =
        assertThrows(
            DomainException.class,
            () ->
                reader.readFrom(
                    (Class) org.openpleb.ee.web.offer.CreateOfferRequest.class,
                    null,
                    null,
                    jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE,
                    null,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    assertEquals(ProblemCode.PAYLOAD_TOO_LARGE, refusal.code());
  }
}
