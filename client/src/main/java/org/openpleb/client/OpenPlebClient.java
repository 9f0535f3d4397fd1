package org.openpleb.client;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.openpleb.client.admin.AdminApi;
import org.openpleb.client.admin.AdminLoginRequest;
import org.openpleb.client.admin.AdminLoginResponse;
import org.openpleb.client.dispute.DisputesApi;
import org.openpleb.client.escrow.EscrowApi;
import org.openpleb.client.events.EventsApi;
import org.openpleb.client.offer.OffersApi;
import org.openpleb.client.platform.PlatformApi;
import org.openpleb.client.pricing.PricingApi;
import org.openpleb.client.problem.ProblemExceptionMapper;
import org.openpleb.client.session.Challenge;
import org.openpleb.client.session.LoginRequest;
import org.openpleb.client.session.LoginResponse;
import org.openpleb.client.session.ProofOfWork;
import org.openpleb.client.session.SessionsApi;
import org.openpleb.client.session.UserKey;
import org.openpleb.client.treasury.TreasuryApi;
import org.openpleb.client.wallet.WalletApi;

/**
 * A connection to one OpenPleb server: one typed interface per feature, built with the MicroProfile
 * Rest Client of the classpath, JSON-B for the bodies, every error answer thrown as a {@link
 * org.openpleb.client.problem.ProblemException}. Thread-safe; build one per server and keep it.
 *
 * <pre>{@code
 * OpenPlebClient api = OpenPlebClient.connect(URI.create("http://localhost:8080/"));
 * String maker = api.login(UserKey.random()).authorization();
 * Offer offer = api.offers().create(maker, null, new CreateOfferRequest(100_000L, qr, null));
 * }</pre>
 */
public final class OpenPlebClient {

  /**
   * The Rest Client property that turns off the implementation's default mapper, so {@link
   * ProblemExceptionMapper} alone maps error answers.
   */
  public static final String DISABLE_DEFAULT_MAPPER =
      "microprofile.rest.client.disable.default.mapper";

  private final OffersApi offers;
  private final DisputesApi disputes;
  private final WalletApi wallet;
  private final TreasuryApi treasury;
  private final PricingApi pricing;
  private final SessionsApi sessions;
  private final AdminApi admin;
  private final PlatformApi platform;
  private final EventsApi events;
  private final EscrowApi escrow;

  private OpenPlebClient(URI base, UnaryOperator<RestClientBuilder> customizer) {
    this.offers = build(base, customizer, OffersApi.class);
    this.disputes = build(base, customizer, DisputesApi.class);
    this.wallet = build(base, customizer, WalletApi.class);
    this.treasury = build(base, customizer, TreasuryApi.class);
    this.pricing = build(base, customizer, PricingApi.class);
    this.sessions = build(base, customizer, SessionsApi.class);
    this.admin = build(base, customizer, AdminApi.class);
    this.platform = build(base, customizer, PlatformApi.class);
    this.events = build(base, customizer, EventsApi.class);
    this.escrow = build(base, customizer, EscrowApi.class);
  }

  /**
   * Connects to the server at {@code base}, the URL the API's {@code /api} lies under (e.g. {@code
   * http://localhost:8080/}), with a 10 s connect and a 60 s read timeout.
   */
  public static OpenPlebClient connect(URI base) {
    return connect(base, UnaryOperator.identity());
  }

  /**
   * Connects like {@link #connect(URI)} and lets {@code customizer} change each interface's builder
   * before it is built: other timeouts, a TLS context, filters of the application's own.
   */
  public static OpenPlebClient connect(URI base, UnaryOperator<RestClientBuilder> customizer) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(customizer, "customizer");
    return new OpenPlebClient(base, customizer);
  }

  private static <T> T build(URI base, UnaryOperator<RestClientBuilder> customizer, Class<T> api) {
    RestClientBuilder builder =
        RestClientBuilder.newBuilder()
            .baseUri(base)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            .property(DISABLE_DEFAULT_MAPPER, true)
            .register(ProblemExceptionMapper.class)
            .register(new OmittedHeaders());
    return customizer.apply(builder).build(api);
  }

  /**
   * Logs a user in: asks for a challenge, does the proof of work it asks for, signs it with {@code
   * key} (BIP-340 over SHA-256 of the challenge's text) and opens a session. The answer's {@link
   * LoginResponse#authorization()} goes into every authenticated call.
   *
   * @throws org.openpleb.client.problem.ProblemException when the server refuses (e.g. {@code
   *     SESSION_LIMIT_REACHED} with a Retry-After)
   */
  public LoginResponse login(UserKey key) {
    Objects.requireNonNull(key, "key");
    Challenge challenge = sessions.challenge();
    String text = challenge.challenge();
    int difficulty =
        Math.max(
            challenge.pow() == null ? 0 : challenge.pow().difficulty(),
            ProofOfWork.difficultyOf(text));
    String nonce = difficulty == 0 ? null : ProofOfWork.solve(text, difficulty);
    return sessions.login(new LoginRequest(key.pubkey(), text, key.sign(text), nonce));
  }

  /** Logs the operator in with the configured user and password. */
  public AdminLoginResponse adminLogin(String user, String password) {
    return admin.login(new AdminLoginRequest(user, password));
  }

  /** The order book and the trade. */
  public OffersApi offers() {
    return offers;
  }

  /** The admin's disputes. */
  public DisputesApi disputes() {
    return disputes;
  }

  /** The session's wallet. */
  public WalletApi wallet() {
    return wallet;
  }

  /** The admin's treasury. */
  public TreasuryApi treasury() {
    return treasury;
  }

  /** The price and quotes. */
  public PricingApi pricing() {
    return pricing;
  }

  /** The user login, step by step. */
  public SessionsApi sessions() {
    return sessions;
  }

  /** The admin login and capacity report. */
  public AdminApi admin() {
    return admin;
  }

  /** The platform's self-description. */
  public PlatformApi platform() {
    return platform;
  }

  /** The live event stream. */
  public EventsApi events() {
    return events;
  }

  /**
   * The escrow commitment and an offer's escrow proof (check it with {@link
   * org.openpleb.client.escrow.EscrowProofVerifier}).
   */
  public EscrowApi escrow() {
    return escrow;
  }
}
