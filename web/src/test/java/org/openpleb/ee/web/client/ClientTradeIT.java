package org.openpleb.ee.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.client.OpenPlebClient;
import org.openpleb.client.admin.AdminLoginResponse;
import org.openpleb.client.offer.ClaimRequest;
import org.openpleb.client.offer.CreateOfferRequest;
import org.openpleb.client.offer.FeedbackRequest;
import org.openpleb.client.offer.FundingMethod;
import org.openpleb.client.offer.FundingRequest;
import org.openpleb.client.offer.Offer;
import org.openpleb.client.offer.OfferState;
import org.openpleb.client.offer.Outcome;
import org.openpleb.client.offer.Role;
import org.openpleb.client.offer.Settlement;
import org.openpleb.client.offer.Verdict;
import org.openpleb.client.pricing.Quote;
import org.openpleb.client.pricing.QuoteRequest;
import org.openpleb.client.problem.ProblemException;
import org.openpleb.client.session.Bearer;
import org.openpleb.client.session.LoginResponse;
import org.openpleb.client.session.UserKey;
import org.openpleb.client.wallet.Deposit;
import org.openpleb.client.wallet.DepositState;
import org.openpleb.client.wallet.LightningDepositRequest;
import org.openpleb.client.wallet.Wallet;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;
import org.openpleb.ee.admin.AdminPasswordHasher;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.custody.ReconciledAtEnd;

/**
 * A whole trade through the typed Java client only, on Payara against PostgreSQL and the dev mint
 * (which pays every invoice at once), with OpenPleb's default fees at 150,000,000 KRW per bitcoin:
 * both parties log in with the proof-of-work and BIP-340 dance, deposit by Lightning, the maker
 * creates and funds an offer, the taker claims it with a bond and posts the receipt, the maker
 * approves; the statuses, the settlement and every balance are the worked example's to the sat.
 * Refusals arrive as {@link ProblemException}s with their code. Every answer passes the contract
 * check.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class ClientTradeIT {

  private static final String ADMIN_USER = "operator";
  private static final String ADMIN_PASSWORD = "correct horse battery staple";

  /** The worked example: 100,000 KRW is S 66,667, T 1,434, B 7,167, P 767 and F 76,035. */
  private static final long FIAT = 100_000;

  private static final long S = 66_667;
  private static final long T = 1_434;
  private static final long B = 7_167;
  private static final long P = 767;
  private static final long F = S + P + T + B;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Deployment(testable = false)
  static WebArchive deployment() {
    DevMint mint = DevMint.start(DevMintConfig.defaults());
    Runtime.getRuntime().addShutdownHook(new Thread(mint::close));
    File war = new File(System.getProperty("war.file"));
    Path data =
        war.getAbsoluteFile()
            .getParentFile()
            .toPath()
            .resolve("it-client")
            .resolve(UUID.randomUUID().toString());
    String settings =
        "config_ordinal=500\n"
            + "OPENPLEB_MINT_URL="
            + mint.url()
            + "\nOPENPLEB_CURRENCY=KRW\nOPENPLEB_PRICE_SOURCE=fixed\n"
            + "OPENPLEB_PRICE_FIXED=150000000\n"
            + "OPENPLEB_ADMIN_USER="
            + ADMIN_USER
            + "\nOPENPLEB_ADMIN_PASSWORD_HASH="
            + AdminPasswordHasher.hash(ADMIN_PASSWORD.toCharArray())
            + "\nWALLET_DIR="
            + data.resolve("wallets")
            + "\nOPENPLEB_MASTER_SEED_FILE="
            + data.resolve("master-seed")
            + "\nWALLET_DEPOSIT_POLL_INTERVAL=200\nCAPACITY_MEMORY_SOURCE=test\n"
            + ItAdmission.RELAXED;
    JavaArchive config =
        ShrinkWrap.create(JavaArchive.class, "client-it-settings.jar")
            .addAsResource(new StringAsset(settings), "META-INF/microprofile-config.properties");
    return ShrinkWrap.createFromZipFile(WebArchive.class, war).addAsLibrary(config);
  }

  @ArquillianResource URL base;

  private OpenPlebClient api() throws Exception {
    return OpenPlebClient.connect(
        base.toURI(), builder -> builder.register(new ContractCheckFilter()));
  }

  @Test
  void aWholeTradeSettlesToTheSatThroughTheTypedClient() throws Exception {
    OpenPlebClient api = api();
    AdminLoginResponse admin = api.adminLogin(ADMIN_USER, ADMIN_PASSWORD);
    long treasuryBefore = api.treasury().overview(admin.authorization()).spendable();
    UserKey makerKey = UserKey.random();
    UserKey takerKey = UserKey.random();
    LoginResponse makerSession = api.login(makerKey);
    String maker = makerSession.authorization();
    String taker = api.login(takerKey).authorization();
    assertEquals(makerKey.pubkey(), api.sessions().current(maker).pubkey());
    deposit(api, maker, F);
    deposit(api, taker, B);

    Offer created =
        api.offers()
            .create(
                maker, key(), new CreateOfferRequest(FIAT, "bank-qr-" + UUID.randomUUID(), null));

    assertEquals(OfferState.CREATED, created.status(), created::toString);
    assertEquals(Role.MAKER, created.role());
    assertEquals(S, created.sats());
    assertEquals(T, created.takerFee());
    assertEquals(B, created.bond());
    assertEquals(P, created.platformFee());
    assertEquals(F, created.funding());
    assertEquals(0, new BigDecimal("150000000").compareTo(created.btcPrice()), created::toString);
    assertEquals(makerKey.pubkey(), created.makerPubkey());
    String id = created.id();

    Offer funded = api.offers().fund(maker, key(), id, FundingRequest.fromBalance());

    assertEquals(OfferState.INVOICE_PAID, funded.status());
    assertEquals(FundingMethod.BALANCE, funded.fundingMethod());
    assertBalance(api, maker, 0, F);
    Offer seenByAll = api.offers().offer(null, id);
    assertEquals(OfferState.INVOICE_PAID, seenByAll.status());
    assertEquals(S + T, seenByAll.takerEarns());
    assertNull(seenByAll.qrCode(), "the QR code is for the parties only");
    assertNull(seenByAll.role());
    assertTrue(
        api.offers().book(null, null, 0, 100).offers().stream().anyMatch(o -> id.equals(o.id())),
        "the funded offer is in the order book");
    ProblemException own =
        assertThrows(
            ProblemException.class,
            () -> api.offers().claim(maker, null, id, ClaimRequest.fromBalance()));
    assertEquals(403, own.status());
    assertEquals("FORBIDDEN", own.code());

    Offer claimed = api.offers().claim(taker, key(), id, ClaimRequest.fromBalance());

    assertEquals(OfferState.CLAIMED, claimed.status());
    assertEquals(Role.TAKER, claimed.role());
    assertEquals(takerKey.pubkey(), claimed.takerPubkey());
    assertTrue(claimed.qrCode().startsWith("bank-qr-"), "the taker sees the QR code to pay");
    assertBalance(api, taker, 0, B);

    Offer receipted = api.offers().postReceipt(taker, id, "image/png", png());

    assertEquals(OfferState.RECEIPT_SUBMITTED, receipted.status());
    assertEquals("image/png", api.offers().receipt(maker, id).getMediaType().toString());

    Offer approved =
        api.offers().feedback(maker, id, new FeedbackRequest(Verdict.APPROVE, "arrived, thanks"));

    assertEquals(OfferState.COMPLETED, approved.status());
    assertEquals(Outcome.APPROVED, approved.outcome());
    Settlement settlement = approved.settlement();
    assertEquals(Settlement.State.DONE, settlement.state(), approved::toString);
    assertEquals(Outcome.APPROVED, settlement.outcome());
    assertEquals(B, settlement.makerAmount());
    assertEquals(S + T + B, settlement.takerAmount());
    assertEquals(P, settlement.platformAmount());
    assertBalance(api, taker, S + T + B, 0);
    assertBalance(api, maker, B, 0);
    assertEquals(treasuryBefore + P, api.treasury().overview(admin.authorization()).spendable());
    assertEquals(OfferState.COMPLETED, api.offers().offer(taker, id).status());
    assertTrue(api.offers().audit(maker, id).valid());

    api.sessions().logout(maker);
    ProblemException loggedOut =
        assertThrows(ProblemException.class, () -> api.sessions().current(maker));
    assertEquals(401, loggedOut.status());
    assertEquals("UNAUTHORIZED", loggedOut.code());
  }

  @Test
  void aQuoteWithoutAPriceIsMadeAtTheCurrentPrice() throws Exception {
    Quote quote = api().pricing().quote(QuoteRequest.atCurrentPrice(FIAT));

    assertEquals(0, new BigDecimal("150000000").compareTo(quote.btcPrice()), quote::toString);
    assertEquals(S, quote.sats());
    assertEquals(P, quote.platformFee());
    assertEquals(T, quote.takerFee());
    assertEquals(B, quote.bond());
    assertEquals(F, quote.makerFunding());
    assertEquals(B, quote.takerBond());
  }

  @Test
  void refusalsArriveAsProblemExceptionsWithTheirCode() throws Exception {
    OpenPlebClient api = api();
    String user = api.login(UserKey.random()).authorization();
    String missing = UUID.randomUUID().toString();

    ProblemException unknown =
        assertThrows(ProblemException.class, () -> api.offers().offer(null, missing));
    ProblemException unclaimable =
        assertThrows(
            ProblemException.class,
            () -> api.offers().claim(user, null, missing, ClaimRequest.fromBalance()));
    ProblemException stranger =
        assertThrows(ProblemException.class, () -> api.wallet().wallet(Bearer.of("not-a-token")));

    assertEquals(404, unknown.status());
    assertEquals("NOT_FOUND", unknown.code());
    assertEquals("/api/offers/" + missing, unknown.instance());
    assertEquals("NOT_FOUND", unclaimable.code());
    assertEquals(401, stranger.status());
    assertEquals("UNAUTHORIZED", stranger.code());
  }

  /**
   * Deposits {@code sats} by Lightning; the dev mint pays the invoice and the server credits it.
   */
  private static void deposit(OpenPlebClient api, String session, long sats) throws Exception {
    Deposit deposit =
        api.wallet().depositLightning(session, key(), new LightningDepositRequest(sats));
    assertEquals(sats, deposit.amount());
    assertTrue(deposit.invoice().startsWith("ln"), deposit::toString);
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Deposit seen = deposit;
    while (seen.state() != DepositState.CREDITED && System.nanoTime() < until) {
      Thread.sleep(100);
      seen = api.wallet().deposit(session, deposit.depositId());
    }
    assertEquals(DepositState.CREDITED, seen.state(), seen::toString);
    assertEquals(sats, seen.creditedAmount());
  }

  private static void assertBalance(
      OpenPlebClient api, String session, long spendable, long reserved) {
    Wallet wallet = api.wallet().wallet(session);
    assertEquals(spendable, wallet.spendable(), wallet::toString);
    assertEquals(reserved, wallet.reserved(), wallet::toString);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  /** A small real PNG, random so two are never equal. */
  private static byte[] png() throws IOException {
    BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      picture.setRGB(x, 0, RANDOM.nextInt());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", out);
    return out.toByteArray();
  }
}
