package org.openpleb.ee.web.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Test-only control of {@link WalletRestoreIT}, deployed only into its archive: loses a wallet's
 * file the way a disk fault would, with its handle closed first so no open connection writes on.
 */
@Path("test-support/restore")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestoreTestSupport {

  @EJB WalletRegistry registry;

  /** Deletes the wallet's files unless the wallet is in use; whether they are gone. */
  @POST
  @Path("lose")
  public Map<String, Object> lose(@QueryParam("wallet") String walletId) {
    return Map.of("lost", registry.discard(walletId));
  }
}
