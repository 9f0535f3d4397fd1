package org.openpleb.ee.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openpleb.cashu.mint.HttpMintClient;
import org.openpleb.cashu.mint.MintClient;
import org.openpleb.ee.platform.PlatformConfig;

/**
 * The platform's one client of its Cashu mint, shared by every session wallet and by the deposit
 * watcher: one HTTP connection pool and one cache of verified keysets for all of them.
 */
@ApplicationScoped
public class MintConnection {

  @Inject PlatformConfig platform;

  private MintClient client;

  @PostConstruct
  void connect() {
    client = HttpMintClient.builder(platform.mintUrl()).build();
  }

  /** The shared client. */
  public MintClient client() {
    return client;
  }

  /** The mint's URL in canonical form. */
  public String url() {
    return client.mintUrl();
  }
}
