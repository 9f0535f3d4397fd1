package org.openpleb.ee.treasury;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Knows the treasury's wallet: created once, on the first start against a database, and the same
 * for every server sharing it. The wallet itself is an ordinary wallet of the registry, opened when
 * money moves into or out of it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Treasury {

  private static final Logger LOG = Logger.getLogger(Treasury.class.getName());

  @EJB TreasuryRepository repository;

  @Inject Clock clock;

  private volatile String walletId;

  @PostConstruct
  void start() {
    repository.createIfAbsent(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    walletId = repository.find().orElseThrow().walletId();
    LOG.log(Level.INFO, "Treasury wallet {0}", walletId);
  }

  /** The treasury's wallet id. */
  public String walletId() {
    return walletId;
  }
}
