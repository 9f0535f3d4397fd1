package org.openpleb.ee.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/** The fees, bonds and offer-size limit in force, under OpenPleb's environment names. */
@ApplicationScoped
public class PricingConfig implements SettingsRule {

  /** Platform fee, percent of S. */
  public static final String PLATFORM_FEE_PERCENTAGE = "OPENPLEB_PLATFORM_FEE_PERCENTAGE";

  /** Platform fee, flat sats. */
  public static final String PLATFORM_FEE_FLAT_RATE = "OPENPLEB_PLATFORM_FEE_FLAT_RATE";

  /** Taker fee, percent of S. */
  public static final String TAKER_FEE_PERCENTAGE = "OPENPLEB_TAKER_FEE_PERCENTAGE";

  /** Taker fee, flat sats. */
  public static final String TAKER_FEE_FLAT_RATE = "OPENPLEB_TAKER_FEE_FLAT_RATE";

  /** Bond, percent of S. */
  public static final String BOND_PERCENTAGE = "OPENPLEB_BOND_PERCENTAGE";

  /** Bond, flat sats. */
  public static final String BOND_FLAT_RATE = "OPENPLEB_BOND_FLAT_RATE";

  /** Largest fiat amount of one offer, whole currency units, inclusive. */
  public static final String MAX_FIAT_AMOUNT = "OPENPLEB_MAX_FIAT_AMOUNT";

  @Inject
  @ConfigProperty(name = PLATFORM_FEE_PERCENTAGE)
  BigDecimal platformFeePercentage;

  @Inject
  @ConfigProperty(name = PLATFORM_FEE_FLAT_RATE)
  long platformFeeFlatRate;

  @Inject
  @ConfigProperty(name = TAKER_FEE_PERCENTAGE)
  BigDecimal takerFeePercentage;

  @Inject
  @ConfigProperty(name = TAKER_FEE_FLAT_RATE)
  long takerFeeFlatRate;

  @Inject
  @ConfigProperty(name = BOND_PERCENTAGE)
  BigDecimal bondPercentage;

  @Inject
  @ConfigProperty(name = BOND_FLAT_RATE)
  long bondFlatRate;

  @Inject
  @ConfigProperty(name = MAX_FIAT_AMOUNT)
  long maxFiatAmount;

  /** The fee schedule new offers are priced with. */
  public FeeSchedule feeSchedule() {
    return new FeeSchedule(
        new Fee(platformFeePercentage, platformFeeFlatRate),
        new Fee(takerFeePercentage, takerFeeFlatRate),
        new Fee(bondPercentage, bondFlatRate));
  }

  /** The largest fiat amount of one offer, in whole units of the platform currency. */
  public long maxFiatAmount() {
    return maxFiatAmount;
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.percentage(PLATFORM_FEE_PERCENTAGE);
    check.nonNegativeLong(PLATFORM_FEE_FLAT_RATE);
    check.percentage(TAKER_FEE_PERCENTAGE);
    check.nonNegativeLong(TAKER_FEE_FLAT_RATE);
    check.percentage(BOND_PERCENTAGE);
    check.nonNegativeLong(BOND_FLAT_RATE);
    check.positiveLong(MAX_FIAT_AMOUNT);
  }
}
