package org.openpleb.devmint;

import java.time.Duration;
import org.openpleb.devmint.http.FaultPlan;
import org.openpleb.devmint.http.MintHttpServer;
import org.openpleb.devmint.ledger.MintException;
import org.openpleb.devmint.ledger.MintLedger;
import org.openpleb.devmint.ledger.MintTotals;

/** The control knobs of a dev mint, acting on its ledger and its fault plan. */
final class LedgerControls implements DevMintControl {

  private final MintLedger ledger;
  private final FaultPlan faults;
  private volatile MintHttpServer server;

  LedgerControls(MintLedger ledger, FaultPlan faults) {
    this.ledger = ledger;
    this.faults = faults;
  }

  /** The server whose subscribers hear of changes these controls make. */
  void attach(MintHttpServer server) {
    this.server = server;
  }

  @Override
  public void markQuotePaid(String quoteId) {
    try {
      ledger.markQuotePaid(quoteId);
    } catch (MintException e) {
      throw new IllegalArgumentException("no such mint quote", e);
    }
    changed();
  }

  @Override
  public int dropSockets() {
    MintHttpServer s = server;
    return s == null ? 0 : s.dropSockets();
  }

  @Override
  public int muteSockets() {
    MintHttpServer s = server;
    return s == null ? 0 : s.muteSockets();
  }

  private void changed() {
    MintHttpServer s = server;
    if (s != null) {
      s.stateChanged();
    }
  }

  @Override
  public String createInvoice(long sats) {
    return ledger.createInvoice(sats);
  }

  @Override
  public void failNextRequests(int count) {
    faults.failNext(count);
  }

  @Override
  public void commitNextThenTimeout(Duration hang) {
    faults.commitThenHang(hang);
  }

  @Override
  public void commitNextThenDrop() {
    faults.commitThenDrop();
  }

  @Override
  public void setResponseDelay(Duration delay) {
    faults.responseDelay(delay);
  }

  @Override
  public void setMeltOutcome(MeltOutcome outcome) {
    if (outcome == null) {
      throw new IllegalArgumentException("outcome is required");
    }
    ledger.setMeltOutcome(outcome);
  }

  @Override
  public void setMeltActualFee(long sats) {
    ledger.setMeltActualFee(sats);
  }

  @Override
  public void settlePendingMelts(boolean success) {
    ledger.settlePendingMelts(success);
    changed();
  }

  @Override
  public String rotateKeyset(long newInputFeePpk) {
    return ledger.rotateKeyset(newInputFeePpk);
  }

  @Override
  public void setAutoPay(boolean autoPay) {
    ledger.setAutoPay(autoPay);
  }

  @Override
  public void advanceClock(Duration duration) {
    ledger.clock().advance(duration);
    changed();
  }

  @Override
  public MintTotals totals() {
    return ledger.totals();
  }

  @Override
  public void reset() {
    faults.reset();
    ledger.setMeltOutcome(MeltOutcome.SETTLE);
    ledger.setMeltActualFee(0);
  }
}
