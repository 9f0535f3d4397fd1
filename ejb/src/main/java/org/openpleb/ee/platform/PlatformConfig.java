package org.openpleb.ee.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's identity: which fiat currency offers are priced in and which Cashu mint holds
 * the platform's ecash. Values are validated at startup through {@link SettingsRule}.
 */
@ApplicationScoped
public class PlatformConfig implements SettingsRule {

  /** ISO 4217 code of the fiat currency. */
  public static final String CURRENCY = "OPENPLEB_CURRENCY";

  /** URL of the Cashu mint; unset means the development mint. */
  public static final String MINT_URL = "OPENPLEB_MINT_URL";

  /** The development mint's URL, used while {@link #MINT_URL} is unset. */
  public static final String DEV_MINT_URL = "openpleb.dev-mint-url";

  /** The warning operators see while the platform points at the development mint. */
  public static final String DEV_MINT_WARNING =
      "OPENPLEB_MINT_URL is not set: using the development mint, which is not for real funds";

  @Inject
  @ConfigProperty(name = CURRENCY)
  String currency;

  @Inject
  @ConfigProperty(name = MINT_URL)
  Optional<String> mintUrl;

  @Inject
  @ConfigProperty(name = DEV_MINT_URL)
  String devMintUrl;

  private final BuildInfo build = BuildInfo.current();

  /** The fiat currency of every offer. */
  public Currency currency() {
    return Currency.getInstance(currency.trim());
  }

  /** The mint the platform uses: {@code OPENPLEB_MINT_URL}, or the dev mint when it is unset. */
  public String mintUrl() {
    return explicitMintUrl().orElse(devMintUrl.trim());
  }

  /** True while no mint was configured and the platform falls back to the development mint. */
  public boolean devMint() {
    return explicitMintUrl().isEmpty();
  }

  /** The version this build was stamped with. */
  public String version() {
    return build.version();
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.currency(CURRENCY);
    check.optionalHttpUrl(MINT_URL);
    check.httpUrl(DEV_MINT_URL);
  }

  private Optional<String> explicitMintUrl() {
    return mintUrl.map(String::trim).filter(url -> !url.isEmpty());
  }
}
