package org.openpleb.ee.treasury;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.openpleb.ee.wallet.BalanceReading;
import org.openpleb.ee.wallet.InflightHolder;

/**
 * The treasury's part in the in-flight sweep: its row says whether withdrawn tokens are still
 * counted in flight, and the balance read after the sweep goes back to that row.
 */
@ApplicationScoped
public class TreasuryInflight implements InflightHolder {

  @EJB TreasuryRepository repository;

  @Override
  public Optional<String> walletWithInflight() {
    return repository.find().filter(t -> t.inflight() > 0).map(TreasuryAccount::walletId);
  }

  @Override
  public void record(String walletId, BalanceReading reading) {
    repository.recordBalance(
        reading.balance().spendable(),
        reading.balance().reserved(),
        reading.balance().inflight(),
        reading.at());
  }

  @Override
  public String toString() {
    return "the treasury";
  }
}
