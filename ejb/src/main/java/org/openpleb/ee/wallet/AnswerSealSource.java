package org.openpleb.ee.wallet;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.openpleb.ee.idempotency.AnswerSeal;

/**
 * Hands the idempotency feature its {@link AnswerSeal}, keyed from the master secret the wallet
 * registry loads, so that feature needs no knowledge of wallets or of the secret.
 */
@ApplicationScoped
public class AnswerSealSource {

  @EJB WalletRegistry registry;

  /** The registry's seal (thread-safe, one per application). */
  @Produces
  @Dependent
  AnswerSeal answerSeal() {
    return registry.answerSeal();
  }
}
