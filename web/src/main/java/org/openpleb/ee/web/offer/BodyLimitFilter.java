package org.openpleb.ee.web.offer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openpleb.ee.offer.TradeConfig;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Refuses JSON bodies longer than {@code OFFER_JSON_MAX_BYTES} on {@link BoundedBody} methods with
 * 413: by their declared length, and a chunked body by reading at most one byte past the limit, so
 * a huge body never fills the heap. The rest of a refused body is read and dropped (up to {@link
 * #DRAIN_LIMIT}) so the client, still sending, receives the refusal instead of a broken connection.
 */
@Provider
@BoundedBody
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {

  /** The most bytes of a refused body read and dropped before the connection is given up. */
  public static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  @Inject TradeConfig config;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    int max = config.jsonMaxBytes();
    if (request.getLength() > max) {
      drain(request.getEntityStream());
      throw tooLarge(max);
    }
    if (!request.hasEntity()) {
      return;
    }
    byte[] body = readAtMost(request.getEntityStream(), max + 1);
    if (body.length > max) {
      drain(request.getEntityStream());
      throw tooLarge(max);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  /** Reads up to {@code limit} bytes of {@code in}. */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  /** Reads and drops what is left of {@code in}, at most {@link #DRAIN_LIMIT} bytes. */
  public static void drain(InputStream in) throws IOException {
    long left = DRAIN_LIMIT;
    byte[] sink = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
      left -= n;
    }
  }

  private static DomainException tooLarge(int max) {
    return new DomainException(
        ProblemCode.PAYLOAD_TOO_LARGE, "The request body may be at most " + max + " bytes");
  }
}
