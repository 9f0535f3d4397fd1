package org.openpleb.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The mint quotes paid at the dev mint and never minted, split by whether the server ever recorded
 * their invoice. The dev mint's fake payer pays every invoice it creates, even one whose quote
 * answer died with a request the crash test killed before the server stored it; nobody was given
 * that invoice, so with a real mint nobody could pay it. An invoice the server recorded (in its
 * quote ledger, {@code mint_quotes.invoice}) may have been handed out: paid and never minted, it is
 * a loss. One it never recorded must match a ledger row the server left without an answer.
 *
 * @param recordedQuotes paid, never minted, and recorded by the server: each one a loss
 * @param recordedSats their sats
 * @param unseenQuotes paid (by the fake payer), never minted, never recorded by the server
 * @param unseenSats their sats
 * @param unansweredRows ledger rows whose mint answer the server never stored (asked, then killed)
 */
record UnmintedQuotes(
    long recordedQuotes,
    long recordedSats,
    long unseenQuotes,
    long unseenSats,
    long unansweredRows) {

  /**
   * Sorts the dev mint's {@code paidUnissued} invoices ({@code totals}) by the server's recorded
   * invoices.
   */
  static UnmintedQuotes of(JsonNode totals, Set<String> recordedInvoices, long unansweredRows) {
    long recorded = 0;
    long recordedSats = 0;
    long unseen = 0;
    long unseenSats = 0;
    for (JsonNode paid : totals.path("paidUnissued")) {
      long amount = paid.path("amount").asLong();
      if (recordedInvoices.contains(paid.path("invoice").asText())) {
        recorded++;
        recordedSats += amount;
      } else {
        unseen++;
        unseenSats += amount;
      }
    }
    return new UnmintedQuotes(recorded, recordedSats, unseen, unseenSats, unansweredRows);
  }

  /** No invoice the server recorded was paid and left unminted. */
  boolean noneLost() {
    return recordedQuotes == 0;
  }

  /** Every unminted invoice the server never saw has a ledger row left without its answer. */
  boolean unseenExplained() {
    return unseenQuotes <= unansweredRows;
  }
}
