package org.openpleb.ee.web.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Test-only controls of the {@link MovableClock}, deployed with it into the archives of the ITs
 * that move time: move it forward, and read the server's now.
 */
@Path("test-clock")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClockTestSupport {

  @Inject Clock clock;

  /** Moves the server's clock forward by {@code seconds}; answers the new now. */
  @POST
  @Path("advance")
  public Map<String, Object> advance(@QueryParam("seconds") long seconds) {
    if (seconds <= 0) {
      throw new IllegalArgumentException("time only moves forward");
    }
    MovableClock.advance(Duration.ofSeconds(seconds));
    return now();
  }

  /** The server's now and how far its clock was moved. */
  @GET
  @Path("now")
  public Map<String, Object> now() {
    return Map.of(
        "now",
        OffsetDateTime.now(clock).toString(),
        "aheadSeconds",
        MovableClock.ahead().toSeconds());
  }
}
