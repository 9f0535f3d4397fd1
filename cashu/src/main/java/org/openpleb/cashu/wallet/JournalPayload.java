package org.openpleb.cashu.wallet;

import java.util.List;
import org.openpleb.cashu.store.OperationKind;

/**
 * What one kind of operation writes into the journal before the mint is called: only the fields
 * that kind has, named. The journal stores every kind in one JSON shape ({@link JournalEntry}), so
 * files written before these types existed still open and recover.
 */
sealed interface JournalPayload {

  OperationKind kind();

  /** The quote the journal indexes the operation by, or {@code null}. */
  default String quoteKey() {
    return null;
  }

  /** The stored shape of this payload. */
  JournalEntry entry();

  /** Mints a paid quote into outputs, reserved for {@code owner} if it is not null. */
  record Mint(String quote, long amount, List<JournalOutput> outputs, String owner)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.MINT;
    }

    @Override
    public String quoteKey() {
      return quote;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(quote, amount, null, outputs, owner, null, null, null, 0);
    }
  }

  /** Swaps a received token's proofs into outputs of this wallet. */
  record Receive(
      long amount,
      List<JournalInput> inputs,
      List<JournalOutput> outputs,
      String owner,
      String memo,
      long fee)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.RECEIVE;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(null, amount, inputs, outputs, owner, null, memo, null, fee);
    }
  }

  /**
   * Makes a token: either a swap into send and change outputs, or (with {@code token} set and no
   * outputs) exact proofs handed out as they are.
   */
  record Send(
      long amount,
      List<JournalInput> inputs,
      List<JournalOutput> outputs,
      String owner,
      String token,
      String memo,
      long fee)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.SEND;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(null, amount, inputs, outputs, owner, token, memo, null, fee);
    }
  }

  /** Takes back the unclaimed proofs of the token made by send operation {@code sendOp}. */
  record Reclaim(
      long amount, List<JournalInput> inputs, List<JournalOutput> outputs, String sendOp, long fee)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.RECLAIM;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(null, amount, inputs, outputs, null, null, null, sendOp, fee);
    }
  }

  /** Pays melt quote {@code quote} with the inputs; the blank outputs take the fee change. */
  record Melt(
      String quote, long amount, List<JournalInput> inputs, List<JournalOutput> outputs, long fee)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.MELT;
    }

    @Override
    public String quoteKey() {
      return quote;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(quote, amount, inputs, outputs, null, null, null, null, fee);
    }
  }

  /** Swaps the inputs into {@code amount} reserved for {@code owner} and spendable change. */
  record Reserve(
      long amount, List<JournalInput> inputs, List<JournalOutput> outputs, String owner, long fee)
      implements JournalPayload {
    @Override
    public OperationKind kind() {
      return OperationKind.RESERVE;
    }

    @Override
    public JournalEntry entry() {
      return new JournalEntry(null, amount, inputs, outputs, owner, null, null, null, fee);
    }
  }
}
