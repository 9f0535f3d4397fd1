package org.openpleb.ee.custody;

/**
 * One wallet's books in a report (only wallets with a finding are listed).
 *
 * @param walletId the wallet
 * @param role {@code ACTIVE} or {@code DORMANT} (a session wallet), {@code TREASURY}, or {@code
 *     UNRECORDED} (a file the shared database has no row for)
 * @param fileFound whether its file was there and readable
 * @param ledger its books, read from its file ({@link Ledger#EMPTY} without one)
 * @param snapshot the total of the balance snapshot the shared database keeps for it
 * @param reservedForOffers sats its file holds reserved (all owners)
 * @param offersHold sats the offers say it must hold reserved
 */
public record WalletLine(
    String walletId,
    String role,
    boolean fileFound,
    Ledger ledger,
    long snapshot,
    long reservedForOffers,
    long offersHold) {}
