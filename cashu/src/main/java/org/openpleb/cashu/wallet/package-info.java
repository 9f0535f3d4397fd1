/**
 * The crash-safe Cashu wallet: minting, sending, receiving, melting and reserving ecash for an
 * owner, each as a journaled operation. {@link org.openpleb.cashu.wallet.Wallet} is the facade;
 * each operation is one class ({@code MintOperation}, {@code SendOperation}, …) over a shared saga
 * runner ({@code OperationRunner}, which writes outcomes through {@code JournalOutcomes}) and
 * writes a typed journal payload. Every mint call is preceded by a committed journal entry with its
 * exact request, so recovery (NUT-07 checkstate, NUT-09 restore) can finish or undo whatever a
 * crash interrupted.
 */
package org.openpleb.cashu.wallet;
