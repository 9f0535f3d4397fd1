package org.openpleb.ee.web.request;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.openpleb.ee.offer.TradeConfig;
import org.openpleb.ee.platform.BodyLimitConfig;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Bounds the request body of every API method, with no annotation to remember: JSON at most {@code
 * API_JSON_MAX_BYTES}, receipt images at most {@code OFFER_RECEIPT_MAX_BYTES}, any other media type
 * refused with 415 naming the accepted ones. A declared length over the limit is refused with 413
 * at once; any other body is wrapped so that reading past the limit fails with 413 after at most
 * limit + 1 bytes, so a chunked body of any size never fills the heap. GET, HEAD, DELETE and
 * OPTIONS requests get an empty body: nothing a client sends with them is ever read.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {

  private static final Set<String> BODYLESS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.OPTIONS);

  @Inject BodyLimitConfig limits;

  @Inject TradeConfig trade;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (BODYLESS.contains(request.getMethod())) {
      request.setEntityStream(InputStream.nullInputStream());
      return;
    }
    MediaType type = request.getMediaType();
    long max;
    if (BodyLimits.isJson(type)) {
      String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
      if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
        // JSON is UTF-8 (RFC 8259); a body that claims another encoding is not read as if it
        // were, nor guessed at.
        BoundedInputStream.drain(request.getEntityStream());
        throw new DomainException(
            ProblemCode.UNSUPPORTED_MEDIA_TYPE,
            "JSON must be sent as UTF-8: send application/json without a charset or with"
                + " charset=utf-8.");
      }
      max = limits.jsonMaxBytes();
    } else if (BodyLimits.isImage(type)) {
      max = trade.receiptMaxBytes();
    } else {
      if (request.getLength() > 0 || (request.getLength() < 0 && request.hasEntity())) {
        BoundedInputStream.drain(request.getEntityStream());
        throw new DomainException(
            ProblemCode.UNSUPPORTED_MEDIA_TYPE,
            (type == null ? "The request has a body but no Content-Type. " : "")
                + BodyLimits.ACCEPTED);
      }
      request.setEntityStream(InputStream.nullInputStream());
      return;
    }
    if (request.getLength() > max) {
      BoundedInputStream.drain(request.getEntityStream());
      throw new DomainException(
          ProblemCode.PAYLOAD_TOO_LARGE, new BodyTooLargeException(max).getMessage());
    }
    request.setEntityStream(new BoundedInputStream(request.getEntityStream(), max));
  }
}
