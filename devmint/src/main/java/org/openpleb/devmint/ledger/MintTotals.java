package org.openpleb.devmint.ledger;

import java.util.List;

/**
 * What the dev mint has issued and taken back, summed over its quote book: the outside view a
 * conservation check compares a wallet's holdings with. Read-only; it moves nothing.
 *
 * <p>Circulating sats are minted minus melted: every swap keeps the sum when the keysets charge no
 * input fee (the crash test's mint charges none), so what is not melted is somewhere as unspent or
 * pending proofs.
 *
 * @param mintedSats sats of every ISSUED mint quote (ecash signed against a paid invoice)
 * @param mintedQuotes how many mint quotes were issued
 * @param paidUnissuedSats sats of mint quotes PAID but never minted (an invoice paid and not
 *     redeemed: nobody holds these sats as ecash)
 * @param paidUnissuedQuotes how many such quotes
 * @param meltedSats sats that left through PAID melts: their inputs less the change signed back
 * @param meltsPaid how many melts were paid
 * @param pendingMeltSats inputs of melts still PENDING (neither spent nor released)
 * @param pendingMelts how many melts are pending
 * @param circulatingSats minted less melted: ecash that exists as unspent or pending proofs
 * @param paidUnissued the invoices of those quotes with their sats, in creation order, so a test
 *     can tell an invoice its wallet handed out from one nobody saw (the fake payer pays every
 *     invoice, even one whose quote answer never reached the wallet); never a quote id
 */
public record MintTotals(
    long mintedSats,
    long mintedQuotes,
    long paidUnissuedSats,
    long paidUnissuedQuotes,
    long meltedSats,
    long meltsPaid,
    long pendingMeltSats,
    long pendingMelts,
    long circulatingSats,
    List<UnmintedInvoice> paidUnissued) {

  public MintTotals {
    paidUnissued = List.copyOf(paidUnissued);
  }

  /** A paid invoice nobody minted: the invoice text (public) and its sats. */
  public record UnmintedInvoice(String invoice, long amount) {}
}
