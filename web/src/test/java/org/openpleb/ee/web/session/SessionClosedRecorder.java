package org.openpleb.ee.web.session;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openpleb.ee.session.SessionClosed;

/**
 * Test-only observer of {@link SessionClosed}, with a plain {@code @Observes} as the wallet
 * registry will use: it records each event and whether a transaction was still active when it
 * arrived (it must not be: the event comes after commit).
 */
@ApplicationScoped
public class SessionClosedRecorder {

  @Resource TransactionSynchronizationRegistry transactions;

  private final List<Map<String, Object>> events = new ArrayList<>();

  void record(@Observes SessionClosed closed) {
    int status = transactions.getTransactionStatus();
    synchronized (events) {
      events.add(
          Map.of(
              "sessionId", closed.sessionId(),
              "pubkey", closed.pubkey(),
              "walletId", closed.walletId(),
              "reason", closed.reason().name(),
              "transactionActive", status == Status.STATUS_ACTIVE));
    }
  }

  List<Map<String, Object>> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
