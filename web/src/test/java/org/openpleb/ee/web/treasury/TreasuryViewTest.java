package org.openpleb.ee.web.treasury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.treasury.TreasuryOverview;

/** The treasury's web view writes exactly the JSON the treasury's own overview wrote. */
class TreasuryViewTest {

  @Test
  void theViewIsTheOverviewFieldForField() throws Exception {
    OffsetDateTime at = OffsetDateTime.of(2026, 12, 7, 7, 30, 0, 0, ZoneOffset.UTC);
    TreasuryOverview overview =
        new TreasuryOverview(
            "treasury",
            5_000,
            0,
            151,
            at,
            9_000,
            4_001,
            List.of(
                new TreasuryOverview.Withdrawal("w-2", "operator", 150, 1, at),
                new TreasuryOverview.Withdrawal("w-1", "operator", 3_850, 0, at.minusDays(1))));

    try (Jsonb json = JsonbBuilder.create()) {
      assertEquals(json.toJson(overview), json.toJson(TreasuryView.of(overview)));
    }
  }
}
