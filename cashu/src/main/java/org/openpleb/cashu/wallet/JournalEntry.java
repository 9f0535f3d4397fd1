package org.openpleb.cashu.wallet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.openpleb.cashu.store.WalletStoreException;

/**
 * The payload of an operation in the journal: the exact request sent to the mint and what the
 * wallet needs to finish it after a crash. Serialised to JSON into {@code operations.payload_json}.
 *
 * @param quote the mint or melt quote id, if any
 * @param amount the amount the operation is about (minted, sent, received, reserved, melted)
 * @param inputs the proofs spent, exactly as presented to the mint
 * @param outputs the outputs asked for, with counters, secrets and blinding factors
 * @param owner the reservation owner that {@link OutputRole#RESERVE} outputs go to
 * @param token the token handed out, once the send has its proofs
 * @param memo the memo of that token
 * @param sendOp for a reclaim, the send operation whose token it takes back
 * @param fee the mint's input fee this operation pays
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalEntry(
    String quote,
    long amount,
    List<JournalInput> inputs,
    List<JournalOutput> outputs,
    String owner,
    String token,
    String memo,
    String sendOp,
    long fee) {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  JournalEntry {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  /** The entry once its proofs are stored: everything but the inputs and outputs. */
  JournalEntry withoutInputsAndOutputs() {
    return new JournalEntry(quote, amount, null, null, owner, token, memo, sendOp, fee);
  }

  JournalEntry withToken(String newToken) {
    return new JournalEntry(quote, amount, inputs, outputs, owner, newToken, memo, sendOp, fee);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Journal entry not serialisable", e);
    }
  }

  static JournalEntry fromJson(String json) {
    try {
      return JSON.readValue(json, JournalEntry.class);
    } catch (JsonProcessingException e) {
      throw new WalletStoreException("Corrupt journal entry", e);
    }
  }

  @Override
  public String toString() {
    return "JournalEntry[amount="
        + amount
        + ", inputs="
        + inputs.size()
        + ", outputs="
        + outputs.size()
        + ", fee="
        + fee
        + "]";
  }
}
