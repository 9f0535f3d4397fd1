package org.openpleb.ee.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.openpleb.cashu.crypto.Secp256k1Backends;

/**
 * Announces a started instance once its settings are valid and its schema is current: one INFO line
 * for the operator (naming the secp256k1 back end, which is chosen here at the latest), a WARNING
 * while the development mint is in use, and a STARTED entry in the shared event log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Inject PlatformConfig platform;

  @EJB PlatformEventLog events;

  @EJB SchemaMigrator schema;

  @PostConstruct
  void announce() {
    String summary =
        "OpenPleb "
            + platform.version()
            + " started: currency "
            + platform.currency().getCurrencyCode()
            + ", mint "
            + platform.mintUrl()
            + ", schema "
            + schema.status().map(SchemaStatus::version).orElse("unknown")
            + ", secp256k1 "
            + Secp256k1Backends.active().name();
    LOG.info(summary);
    events.record(PlatformEventKind.STARTED, summary);
    if (platform.devMint()) {
      LOG.warning(PlatformConfig.DEV_MINT_WARNING + " (" + platform.mintUrl() + ")");
      events.record(PlatformEventKind.UNSAFE_SETTING, PlatformConfig.DEV_MINT_WARNING);
    }
  }
}
