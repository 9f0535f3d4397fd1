package org.openpleb.devmint.lightning;

/**
 * A Lightning invoice issued by the fake node.
 *
 * @param request the BOLT11 text
 * @param paymentHash hex SHA-256 of the preimage
 * @param preimage hex secret that settles the payment
 */
public record Invoice(String request, long amountSats, String paymentHash, String preimage) {

  @Override
  public String toString() {
    return "Invoice[amountSats=" + amountSats + "]";
  }
}
