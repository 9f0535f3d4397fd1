package org.openpleb.ee.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large a request body the API reads. JSON bodies are bounded here for every endpoint; receipt
 * images keep their own limit ({@code OFFER_RECEIPT_MAX_BYTES}). Validated at startup through
 * {@link SettingsRule}.
 */
@ApplicationScoped
public class BodyLimitConfig implements SettingsRule {

  /** Largest JSON request body, bytes. */
  public static final String JSON_MAX_BYTES = "API_JSON_MAX_BYTES";

  /** The offer API's former JSON limit, now {@link #JSON_MAX_BYTES} for the whole API. */
  public static final String RETIRED_OFFER_JSON_MAX_BYTES = "OFFER_JSON_MAX_BYTES";

  @Inject
  @ConfigProperty(name = JSON_MAX_BYTES)
  int jsonMaxBytes;

  /** The most bytes of a JSON request body the API reads. */
  public int jsonMaxBytes() {
    return jsonMaxBytes;
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveInt(JSON_MAX_BYTES);
    check.renamed(RETIRED_OFFER_JSON_MAX_BYTES, JSON_MAX_BYTES);
  }
}
