package org.openpleb.cashu.wallet;

import java.time.Instant;
import org.openpleb.cashu.store.OperationKind;
import org.openpleb.cashu.store.OperationState;

/**
 * One line of a wallet's history: an operation, where it stands, and what it moved.
 *
 * @param amount sats in (positive) or out (negative); zero for reservations
 * @param fee fees paid
 */
public record WalletActivity(
    String operationId,
    OperationKind kind,
    OperationState state,
    long amount,
    long fee,
    Instant at) {}
