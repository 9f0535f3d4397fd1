package org.openpleb.ee.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openpleb.ee.restore.WalletRestore;
import org.openpleb.ee.web.auth.AdminOnly;
import org.openpleb.ee.web.http.ApiSecurity;

/** The operator's repair of a session wallet whose file was lost or corrupted. */
@Path("admin/wallets")
@ApplicationScoped
public class AdminWalletsResource {

  @EJB WalletRestore restore;

  /** Rebuilds a wallet's file from the master secret and what PostgreSQL knows. */
  @POST
  @Path("{walletId}/restore")
  @AdminOnly
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = ApiSecurity.BEARER)
  @Tag(ref = "admin")
  @Operation(
      summary = "Restore a wallet from its seed",
      description =
          "Rebuilds the wallet's file from the master secret (NUT-13 + NUT-09: every proof the"
              + " mint signed for the wallet's seed and still holds unspent), then puts back what"
              + " PostgreSQL knows: the tokens the wallet handed out that nobody has claimed yet"
              + " go back in flight (spent if the mint says they were claimed), and the escrow"
              + " and bond holds of its offers are reserved again under the same owner labels, so"
              + " its trades settle as before. The wallet's balance row is written; an existing"
              + " file is kept aside (keptAside), never deleted. Requests to the wallet while it"
              + " is rebuilt wait and then get WALLET_BUSY. 404 NOT_FOUND for a wallet the"
              + " platform does not know; 409 CONFLICT while the wallet is in use, a funding or"
              + " claim is reserving in it, or a settlement is running on it; 503"
              + " MINT_UNAVAILABLE when the mint cannot be asked (nothing changed). FORBIDDEN"
              + " (403) for a user session's token.")
  @APIResponse(
      responseCode = "200",
      description = "The wallet as restored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletRestoreView.class)))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public WalletRestoreView restore(
      @Parameter(description = "The wallet's id.", required = true) @PathParam("walletId")
          String walletId) {
    return WalletRestoreView.of(restore.restore(walletId));
  }
}
