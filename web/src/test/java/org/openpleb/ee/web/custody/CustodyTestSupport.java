package org.openpleb.ee.web.custody;

import jakarta.ejb.EJB;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.cashu.model.Proof;
import org.openpleb.cashu.token.Token;
import org.openpleb.cashu.token.TokenCodec;
import org.openpleb.ee.wallet.LeasedWallets;
import org.openpleb.ee.wallet.MintConnection;
import org.openpleb.ee.wallet.WalletIds;
import org.openpleb.ee.wallet.WalletRegistry;

/**
 * Test-only controls that damage a wallet behind its back, as a disk fault or an intruder would,
 * for the reconciliation IT: a proof row deleted, a spendable proof handed out (so it can be spent
 * at the mint while the file still says ready), a wallet file removed, an offer's hold released
 * behind its back (and reserved again). Deployed only into that IT's archive, never into ROOT.war.
 */
@Path("test-support/custody")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustodyTestSupport {

  @EJB WalletRegistry registry;

  @Inject MintConnection mint;

  @Inject LeasedWallets wallets;

  @Inject
  @ConfigProperty(name = "WALLET_DIR")
  String walletDir;

  /** Deletes the row of the largest ready proof of the wallet; its amount and Y. */
  @POST
  @Path("delete-proof")
  public Map<String, Object> deleteProof(@QueryParam("wallet") String walletId)
      throws SQLException {
    try (Connection c = open(walletId);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT secret, y, amount FROM proofs WHERE state = 'ready'"
                    + " ORDER BY amount DESC LIMIT 1")) {
      if (!r.next()) {
        throw new IllegalStateException("no ready proof");
      }
      String secret = r.getString(1);
      Map<String, Object> gone = Map.of("y", r.getString(2), "amount", r.getLong(3));
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM proofs WHERE secret = ?")) {
        delete.setString(1, secret);
        delete.executeUpdate();
      }
      return gone;
    }
  }

  /**
   * A token of the smallest ready proof of the wallet, the file left as it is (the proof stays
   * ready there); whoever redeems it spends the proof behind the wallet's back.
   */
  @GET
  @Path("ready-token")
  public Map<String, Object> readyToken(@QueryParam("wallet") String walletId) throws SQLException {
    try (Connection c = open(walletId);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT amount, keyset_id, secret, c, y FROM proofs WHERE state = 'ready'"
                    + " ORDER BY amount LIMIT 1")) {
      if (!r.next()) {
        throw new IllegalStateException("no ready proof");
      }
      Proof proof = new Proof(r.getLong(1), r.getString(2), r.getString(3), r.getString(4));
      String token = TokenCodec.encodeV4(new Token(mint.url(), "sat", null, List.of(proof)));
      return Map.of("token", token, "amount", r.getLong(1), "y", r.getString(5));
    }
  }

  /** Closes the wallet and deletes its file, as a lost disk would; whether it is gone. */
  @POST
  @Path("remove-file")
  public Map<String, Object> removeFile(@QueryParam("wallet") String walletId) {
    return Map.of("removed", registry.discard(walletId));
  }

  /**
   * Makes what the wallet reserves for {@code owner} spendable again, the offer left as it is: the
   * slip of a look that took a funded offer for an expired one. The sats released.
   */
  @POST
  @Path("release-hold")
  public Map<String, Object> releaseHold(
      @QueryParam("wallet") String walletId, @QueryParam("owner") String owner) {
    return Map.of("released", wallets.run(walletId, w -> w.release(owner)));
  }

  /** Reserves {@code amount} spendable sats of the wallet for {@code owner} again. */
  @POST
  @Path("reserve-hold")
  public Map<String, Object> reserveHold(
      @QueryParam("wallet") String walletId,
      @QueryParam("owner") String owner,
      @QueryParam("amount") long amount) {
    return Map.of("fee", wallets.run(walletId, w -> w.reserve(amount, owner).fee()));
  }

  private Connection open(String walletId) throws SQLException {
    java.nio.file.Path file =
        java.nio.file.Path.of(walletDir)
            .toAbsolutePath()
            .resolve(WalletIds.require(walletId) + ".sqlite");
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
    }
    return c;
  }
}
