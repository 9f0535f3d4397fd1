package org.openpleb.ee.web.offer;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Test-only controls of {@link WalletRestoreIT}, deployed only into its archive: loses a wallet's
 * file the way a disk fault would (its handle closed first so no open connection writes on), and
 * marks a wallet as reserving for a running claim.
 */
@Path("test-support/restore")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestoreTestSupport {

  @EJB WalletRegistry registry;

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  /** Deletes the wallet's files unless the wallet is in use; whether they are gone. */
  @POST
  @Path("lose")
  public Map<String, Object> lose(@QueryParam("wallet") String walletId) {
    return Map.of("lost", registry.discard(walletId));
  }

  /**
   * Marks a claim as reserving in wallet {@code walletId} on the offer for the next hour, as a
   * claim request still running would ({@code busy=true}), or clears that mark.
   */
  @POST
  @Path("attempt")
  public Map<String, Object> attempt(
      @QueryParam("offer") String offerId,
      @QueryParam("wallet") String walletId,
      @QueryParam("busy") boolean busy)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE offers SET attempt_id = ?, attempt_kind = ?, attempt_wallet_id = ?,"
                    + " attempt_until = ? WHERE id = ?")) {
      update.setString(1, busy ? "it-attempt" : null);
      update.setString(2, busy ? "CLAIM" : null);
      update.setString(3, busy ? walletId : null);
      update.setObject(4, busy ? OffsetDateTime.now().plusHours(1) : null);
      update.setString(5, offerId);
      return Map.of("updated", update.executeUpdate());
    }
  }
}
