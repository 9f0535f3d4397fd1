package org.openpleb.ee.web.request;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.openpleb.ee.platform.BodyLimitConfig;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Reads every JSON request body of the API into its request record with {@link StrictJson}, instead
 * of the runtime's lenient JSON-B binding (which turned {@code "100"} into 100 sats and {@code
 * "false"} into an unlocked token). Being typed for {@link Record}, it is closer to the request
 * types than the runtime's {@code Object} readers and is chosen first. It reads at most {@code
 * API_JSON_MAX_BYTES} bytes itself as well, so the bound holds even where no filter ran.
 */
@Provider
@ApplicationScoped
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.USER - 500)
public class StrictJsonReader implements MessageBodyReader<Record> {

  @Inject BodyLimitConfig limits;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return StrictJson.canBind(type) && BodyLimits.isJson(mediaType);
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    int max = limits.jsonMaxBytes();
    try {
      return StrictJson.read(
          type.asSubclass(Record.class), new BoundedInputStream(entityStream, max));
    } catch (BodyTooLargeException tooLarge) {
      throw new DomainException(ProblemCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    }
  }
}
