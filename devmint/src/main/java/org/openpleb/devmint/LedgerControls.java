package org.openpleb.devmint;

import java.time.Duration;
import org.openpleb.devmint.http.FaultPlan;
import org.openpleb.devmint.ledger.MintException;
import org.openpleb.devmint.ledger.MintLedger;
import org.openpleb.devmint.ledger.MintTotals;

/** The control knobs of a dev mint, acting on its ledger and its fault plan. */
final class LedgerControls implements DevMintControl {

  private final MintLedger ledger;
  private final FaultPlan faults;

  LedgerControls(MintLedger ledger, FaultPlan faults) {
    this.ledger = ledger;
    this.faults = faults;
  }

  @Override
  public void markQuotePaid(String quoteId) {
    try {
      ledger.markQuotePaid(quoteId);
    } catch (MintException e) {
      throw new IllegalArgumentException("no such mint quote", e);
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
