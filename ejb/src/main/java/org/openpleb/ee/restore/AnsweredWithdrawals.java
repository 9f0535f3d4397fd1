package org.openpleb.ee.restore;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.idempotency.IdempotencyScope;
import org.openpleb.ee.idempotency.StoredAnswer;
import org.openpleb.ee.wallet.StoredWallet;
import org.openpleb.ee.wallet.WalletRegistry;
import org.openpleb.ee.wallet.WalletRepository;

/**
 * The token withdrawals of the wallet whose answers are still stored for their {@code
 * Idempotency-Key} (sealed, kept for {@code IDEMPOTENCY_RETENTION}): each answer carries the token
 * and the wallet it came out of. Withdrawals made without a key, or older than the retention, are
 * not found here; a durable record of sent tokens is the complete source.
 */
@ApplicationScoped
public class AnsweredWithdrawals implements UnclaimedTokenSource {

  /** The idempotency scope's endpoint name of token withdrawals. */
  static final String ENDPOINT = "wallet.withdrawals.token";

  private static final Logger LOG = Logger.getLogger(AnsweredWithdrawals.class.getName());

  @PersistenceContext(unitName = "openpleb")
  EntityManager em;

  @EJB WalletRepository wallets;

  @EJB WalletRegistry registry;

  @Override
  public List<String> tokens(String walletId) {
    String pubkey = wallets.find(walletId).map(StoredWallet::pubkey).orElse(null);
    if (pubkey == null) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT idempotency_key, response_type, response_body FROM idempotency_records"
                    + " WHERE pubkey = ?1 AND endpoint = ?2 AND state = 'DONE'"
                    + " AND response_status = 200 ORDER BY created_at")
            .setParameter(1, pubkey)
            .setParameter(2, ENDPOINT)
            .getResultList();
    for (Object[] row : rows) {
      IdempotencyScope scope = new IdempotencyScope(pubkey, ENDPOINT, (String) row[0]);
      try {
        String body =
            registry
                .answerSeal()
                .open(scope, new StoredAnswer(200, (String) row[1], (String) row[2]))
                .body();
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
          answer = reader.readObject();
        }
        if (walletId.equals(text(answer, "walletId")) && text(answer, "token") != null) {
          tokens.add(text(answer, "token"));
        }
      } catch (RuntimeException unreadable) {
        // one answer that does not open or parse must not hide the others
        LOG.log(
            Level.WARNING,
            "A stored withdrawal answer of wallet {0} could not be read ({1})",
            new Object[] {walletId, unreadable.getClass().getSimpleName()});
      }
    }
    return tokens;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }
}
