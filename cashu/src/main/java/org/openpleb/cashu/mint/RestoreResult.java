package org.openpleb.cashu.mint;

import java.util.List;
import org.openpleb.cashu.model.BlindSignature;
import org.openpleb.cashu.model.BlindedMessage;

/**
 * The mint's NUT-09 answer: those of the asked outputs it had signed before, each paired with its
 * signature at the same index.
 */
public record RestoreResult(List<BlindedMessage> outputs, List<BlindSignature> signatures) {

  public RestoreResult {
    outputs = List.copyOf(outputs);
    signatures = List.copyOf(signatures);
  }
}
