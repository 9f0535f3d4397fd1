package org.openpleb.cashu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openpleb.cashu.CashuException;

class MintUrlTest {

  @Test
  void schemeAndHostCompareCaseInsensitivelyAndTrailingSlashesGo() {
    assertEquals(
        "http://mint.example:3338/Cashu", MintUrl.normalize(" HTTP://Mint.EXAMPLE:3338/Cashu// "));
    assertEquals("https://User@mint.example", MintUrl.normalize("https://User@MINT.example"));
  }

  @Test
  void onlyHttpAndHttpsNameAMint() {
    assertThrows(CashuException.class, () -> MintUrl.normalize("FTP://mint"));
    assertThrows(CashuException.class, () -> MintUrl.normalize("mint.example"));
  }
}
