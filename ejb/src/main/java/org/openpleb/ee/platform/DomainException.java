package org.openpleb.ee.platform;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A business rule refused a command. It carries a stable {@link ProblemCode}, and its message is
 * written for the client: it never contains a token, a proof secret or a seed. Leaving an EJB it
 * rolls the transaction back and reaches the HTTP layer unwrapped.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private final ProblemCode code;

  /** Creates the exception with a client-safe explanation. */
  public DomainException(ProblemCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code clients branch on. */
  public ProblemCode code() {
    return code;
  }
}
