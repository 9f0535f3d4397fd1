package org.openpleb.ee.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * NUT-17 subscriptions as a mint answers them when an invoice was paid between a look's question
 * and its subscription: the payer pays on subscribing ({@code pay}), and the mint's first answer,
 * the state it has now, is PAID, so the notification's look runs at once, on the caller's thread.
 * Records which quotes were watched.
 */
public final class PaidOnSubscribing extends QuoteNotifications {

  private final Consumer<String> pay;

  /** The quote ids watched, in order. */
  public final List<String> watched = new ArrayList<>();

  public PaidOnSubscribing(Consumer<String> pay) {
    this.pay = pay;
  }

  @Override
  public boolean on() {
    return true;
  }

  @Override
  public boolean watch(String quoteId, Runnable onPaid) {
    watched.add(quoteId);
    pay.accept(quoteId);
    onPaid.run();
    return true;
  }

  @Override
  public void unwatch(String quoteId) {
    // nothing is subscribed at a mint
  }
}
