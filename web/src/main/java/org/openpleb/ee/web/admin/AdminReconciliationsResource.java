package org.openpleb.ee.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.custody.Reconciliation;
import org.openpleb.ee.custody.ReconciliationRepository;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.http.ApiSecurity;

/**
 * The operator's custody check: run the reconciliation now, or read the latest run's report (the
 * timer's or an admin's, from any server).
 */
@Path("admin/reconciliations")
@ApplicationScoped
public class AdminReconciliationsResource {

  @Inject Reconciliation reconciliation;

  @EJB ReconciliationRepository reports;

  /** Runs a reconciliation now and answers its report. */
  @POST
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "admin")
  @Operation(
      summary = "Run a reconciliation now",
      description =
          "Checks every wallet (active, dormant, the treasury, and every wallet file): holdings"
              + " (ready + reserved + in flight) against what its journal says came in and left,"
              + " a wallet the database knows with sats must have a file, reservations against the"
              + " offers' escrows and bonds both ways, and a sample of spendable and reserved"
              + " proofs (and the proofs marked spent since the last run) with the mint (NUT-07)."
              + " Changes nothing; answers the report, which is also stored and in the metrics."
              + " differenceSats is 0 and balanced true when nothing is off. A run going on is"
              + " waited for first. FORBIDDEN (403) for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The report of the run",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReconciliationView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public ReconciliationView run() {
    return ReconciliationView.of(reconciliation.run());
  }

  /** The latest run's report. */
  @GET
  @Path("latest")
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "admin")
  @Operation(
      summary = "Latest reconciliation",
      description =
          "The report of the latest reconciliation run on any server (the timer runs one every"
              + " RECONCILIATION_INTERVAL ms). 404 NOT_FOUND before the first run; 403 FORBIDDEN"
              + " for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The latest report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReconciliationView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ReconciliationView latest() {
    return reports
        .latest()
        .map(ReconciliationView::of)
        .orElseThrow(
            () -> new DomainException(ProblemCode.NOT_FOUND, "No reconciliation has run yet"));
  }
}
