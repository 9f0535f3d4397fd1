package org.openpleb.ee.web.admission;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.openpleb.ee.admission.ClientAddress;

/** The client address of the current request, set by {@link ClientAddressFilter}. */
@RequestScoped
public class CurrentClient {

  private ClientAddress address;

  void set(ClientAddress address) {
    this.address = address;
  }

  /** The client's address, if the peer's address could be read. */
  public Optional<ClientAddress> address() {
    return Optional.ofNullable(address);
  }

  /** The key per-address limits count this request under. */
  public String limitKey() {
    return address == null ? ClientAddress.UNKNOWN_KEY : address.limitKey();
  }
}
