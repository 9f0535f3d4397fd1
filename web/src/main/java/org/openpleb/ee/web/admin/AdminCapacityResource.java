package org.openpleb.ee.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.admin.CapacityReporter;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.http.ApiSecurity;

/** The operator's capacity page: how loaded this server is and how far it can grow. */
@Path("admin/capacity")
@ApplicationScoped
public class AdminCapacityResource {

  @Inject CapacityReporter reporter;

  /** Reports live capacity figures and the capacity estimate. */
  @GET
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "admin")
  @Operation(
      summary = "Capacity report",
      description =
          "Capacity level, memory ratios, live sessions and the limits in force, plus the"
              + " capacity estimate: one row per server size (4, 8, 16 GB and this server) with"
              + " the sessions and open wallets it carries below the memory warning threshold and"
              + " the limits to configure there. FORBIDDEN (403) for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The capacity report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CapacityView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public CapacityView capacity() {
    return CapacityView.of(reporter.report());
  }
}
