package org.openpleb.client.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/info}: public, no token needed. */
@Path("/api/info")
@Produces(MediaType.APPLICATION_JSON)
public interface PlatformApi {

  /** Version, currency, fee and bond schedule, mint, limits and the price's source. */
  @GET
  PlatformInfo info();
}
