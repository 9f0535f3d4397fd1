package org.openpleb.ee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SessionAdmissionTest {

  @Test
  void belowTheLimitALoginIsAdmitted() {
    assertEquals(Optional.empty(), SessionAdmission.judge(true, false, () -> 4, 5));
    assertEquals(Optional.empty(), SessionAdmission.judge(true, false, () -> 0, 1));
  }

  @Test
  void atOrAboveTheLimitALoginIsRefused() {
    assertEquals(Optional.of(LoginRefusal.LIMIT), SessionAdmission.judge(true, false, () -> 5, 5));
    assertEquals(Optional.of(LoginRefusal.LIMIT), SessionAdmission.judge(true, false, () -> 9, 5));
  }

  @Test
  void atEmergencyALoginIsRefusedWithoutCountingSessions() {
    AtomicBoolean counted = new AtomicBoolean();

    Optional<LoginRefusal> refusal =
        SessionAdmission.judge(
            false,
            false,
            () -> {
              counted.set(true);
              return 0;
            },
            5);

    assertEquals(Optional.of(LoginRefusal.EMERGENCY), refusal);
    assertFalse(counted.get(), "counting takes the admission lock and must be skipped");
  }

  @Test
  void atEmergencyTheEmergencyProofOfWorkAdmitsButTheHardCapStaysHard() {
    assertEquals(Optional.empty(), SessionAdmission.judge(false, true, () -> 4, 5));
    assertEquals(Optional.of(LoginRefusal.LIMIT), SessionAdmission.judge(false, true, () -> 5, 5));
  }

  @Test
  void capacityRefusalsAskTheClientToRetry() {
    for (LoginRefusal refusal : LoginRefusal.values()) {
      boolean serverSide = refusal == LoginRefusal.LIMIT || refusal == LoginRefusal.EMERGENCY;
      assertEquals(serverSide, refusal.isCapacity(), refusal::name);
      assertEquals(serverSide, refusal.code().status() == 503, refusal::name);
    }
  }

  @Test
  void metricTagsAreLowercaseReasonNames() {
    assertEquals("limit", LoginRefusal.LIMIT.tag());
    assertEquals("emergency", LoginRefusal.EMERGENCY.tag());
    assertEquals("bad_signature", LoginRefusal.BAD_SIGNATURE.tag());
    assertEquals("challenge_used", LoginRefusal.CHALLENGE_USED.tag());
  }
}
