package org.openpleb.ee.web.offer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.custody.commitment.EscrowCommitment;
import org.openpleb.ee.custody.commitment.EscrowCommitments;

/**
 * Test-only controls of the escrow commitment IT, deployed only into its archive: publish a
 * commitment now instead of waiting for the timer, and read the proofs an offer's holds have
 * straight from the wallet files (not through the code under test).
 */
@Path("test-support/escrow")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EscrowTestSupport {

  @Inject EscrowCommitments commitments;

  @Resource(lookup = "jdbc/openpleb")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "WALLET_DIR")
  String walletDir;

  /** Publishes a commitment now; its id, root, total and leaf count. */
  @POST
  @Path("commitments")
  public Map<String, Object> publish() {
    EscrowCommitment published = commitments.publish();
    return Map.of(
        "commitmentId", published.id(),
        "rootHash", published.rootHash(),
        "totalSats", published.totalSats(),
        "leafCount", published.leafCount());
  }

  /** The Y of every proof reserved for the offer's escrow and bond, read from the wallet files. */
  @GET
  @Path("reserved")
  public List<String> reserved(@QueryParam("offer") String offerId) throws Exception {
    List<String[]> holds = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT maker_wallet_id, escrow_owner, taker_wallet_id, bond_owner FROM offers"
                    + " WHERE id = ?")) {
      s.setString(1, offerId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          holds.add(new String[] {r.getString(1), r.getString(2)});
          holds.add(new String[] {r.getString(3), r.getString(4)});
        }
      }
    }
    List<String> ys = new ArrayList<>();
    for (String[] hold : holds) {
      if (hold[0] == null || hold[1] == null) {
        continue;
      }
      java.nio.file.Path file =
          java.nio.file.Path.of(walletDir).toAbsolutePath().resolve(hold[0] + ".sqlite");
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          PreparedStatement s =
              c.prepareStatement("SELECT y FROM proofs WHERE state = 'reserved' AND owner = ?")) {
        s.setString(1, hold[1]);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            ys.add(r.getString(1));
          }
        }
      }
    }
    return ys;
  }
}
