package org.openpleb.ee.web.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.offer.Resolution;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.admin.AdminLoginRequest;
import org.openpleb.ee.web.dispute.ResolutionRequest;
import org.openpleb.ee.web.offer.AnswerRequest;
import org.openpleb.ee.web.offer.ClaimRequest;
import org.openpleb.ee.web.offer.CreateOfferRequest;
import org.openpleb.ee.web.offer.FeedbackRequest;
import org.openpleb.ee.web.offer.FundingRequest;
import org.openpleb.ee.web.offer.FundingSource;
import org.openpleb.ee.web.offer.IssueResponse;
import org.openpleb.ee.web.offer.Verdict;
import org.openpleb.ee.web.pricing.QuoteRequest;
import org.openpleb.ee.web.session.LoginRequest;
import org.openpleb.ee.web.treasury.WithdrawalRequest;
import org.openpleb.ee.web.wallet.LightningDepositRequest;
import org.openpleb.ee.web.wallet.LightningWithdrawalRequest;
import org.openpleb.ee.web.wallet.TokenDepositRequest;
import org.openpleb.ee.web.wallet.TokenWithdrawalRequest;

/** Strict binding of request bodies (issue #11, findings 4 and 8). */
class StrictJsonTest {

  /** Every request record of the API; a new one must be added here to be covered. */
  static final List<Class<? extends Record>> REQUESTS =
      List.of(
          AdminLoginRequest.class,
          ResolutionRequest.class,
          AnswerRequest.class,
          ClaimRequest.class,
          CreateOfferRequest.class,
          FeedbackRequest.class,
          FundingRequest.class,
          QuoteRequest.class,
          LoginRequest.class,
          WithdrawalRequest.class,
          LightningDepositRequest.class,
          LightningWithdrawalRequest.class,
          TokenDepositRequest.class,
          TokenWithdrawalRequest.class);

  private static <T extends Record> T read(Class<T> type, String json) throws IOException {
    return StrictJson.read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static DomainException refused(Class<? extends Record> type, String json) {
    return assertThrows(DomainException.class, () -> read(type, json), json);
  }

  private static void refusedNaming(
      Class<? extends Record> type, String json, ProblemCode code, String field) {
    DomainException refusal = refused(type, json);
    assertEquals(code, refusal.code(), json);
    assertTrue(refusal.getMessage().startsWith(field + ":"), refusal.getMessage());
  }

  @Test
  void wellFormedBodiesBind() throws IOException {
    assertEquals(
        new TokenWithdrawalRequest(100L, true, "w1"),
        read(
            TokenWithdrawalRequest.class,
            "{\"amount\":100,\"lockToSessionKey\":true,\"walletId\":\"w1\"}"));
    assertEquals(
        new TokenWithdrawalRequest(5L, false, null),
        read(TokenWithdrawalRequest.class, " {\"lockToSessionKey\":false,\"amount\":5} "));
    assertEquals(
        new QuoteRequest(1000L, new BigDecimal("150000000.5")),
        read(QuoteRequest.class, "{\"fiatAmount\":1000,\"btcPrice\":150000000.5}"));
    assertEquals(new WithdrawalRequest(100L), read(WithdrawalRequest.class, "{\"amount\":1e2}"));
    assertEquals(new WithdrawalRequest(null), read(WithdrawalRequest.class, "{\"amount\":null}"));
    assertEquals(new ClaimRequest(null), read(ClaimRequest.class, "{}"));
    assertEquals(
        new AnswerRequest(IssueResponse.COUNTER, "line one\nline two\ttab \uD83D\uDE00"),
        read(
            AnswerRequest.class,
            "{\"response\":\"COUNTER\",\"message\":\"line one\\nline two\\ttab \\ud83d\\ude00\"}"));
  }

  @Test
  void aNumberInAStringIsNotAnAmount() {
    refusedNaming(
        LightningDepositRequest.class,
        "{\"amount\":\"100\"}",
        ProblemCode.MALFORMED_JSON,
        "amount");
    refusedNaming(
        WithdrawalRequest.class, "{\"amount\":\"100\"}", ProblemCode.MALFORMED_JSON, "amount");
  }

  @Test
  void fractionsAndOutOfRangeIntegersAreRefused() {
    for (String amount : new String[] {"1.9999", "1e-1", "0.5", "9223372036854775808", "1e19"}) {
      DomainException refusal =
          refused(TokenWithdrawalRequest.class, "{\"amount\":" + amount + "}");
      assertEquals(ProblemCode.MALFORMED_JSON, refusal.code());
      assertTrue(
          refusal.getMessage().startsWith("amount: must be a JSON integer"), refusal.getMessage());
    }
  }

  @Test
  void hugeExponentsAndLongNumbersAreRefusedCheaply() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          refusedNaming(
              QuoteRequest.class,
              "{\"fiatAmount\":1,\"btcPrice\":1e-1000000000}",
              ProblemCode.MALFORMED_JSON,
              "btcPrice");
          refusedNaming(
              TokenWithdrawalRequest.class,
              "{\"amount\":1e1000000000}",
              ProblemCode.MALFORMED_JSON,
              "amount");
          DomainException longNumber =
              refused(QuoteRequest.class, "{\"btcPrice\":1" + "0".repeat(5000) + "}");
          assertEquals(ProblemCode.MALFORMED_JSON, longNumber.code());
        });
  }

  @Test
  void duplicateKeysAreRefused() {
    refusedNaming(
        TokenWithdrawalRequest.class,
        "{\"amount\":1,\"amount\":3}",
        ProblemCode.MALFORMED_JSON,
        "amount");
  }

  @Test
  void onlyJsonBooleansLockAToken() {
    for (String value : new String[] {"1", "0", "\"yes\"", "\"false\"", "\"true\"", "[]", "{}"}) {
      refusedNaming(
          TokenWithdrawalRequest.class,
          "{\"amount\":1,\"lockToSessionKey\":" + value + "}",
          ProblemCode.MALFORMED_JSON,
          "lockToSessionKey");
    }
  }

  @Test
  void stringsMustBeJsonStrings() {
    for (String value : new String[] {"1", "true", "[\"x\"]", "{\"a\":1}"}) {
      refusedNaming(
          CreateOfferRequest.class,
          "{\"fiatAmount\":1,\"qrCode\":" + value + "}",
          ProblemCode.MALFORMED_JSON,
          "qrCode");
    }
  }

  @Test
  void controlCharactersAndBrokenUnicodeAreRefusedInEveryStringField() {
    for (Class<? extends Record> type : REQUESTS) {
      for (var component : type.getRecordComponents()) {
        if (component.getType() != String.class) {
          continue;
        }
        for (String bad : new String[] {"\\u0000", "a\\u0001b", "x\\u001f", "\\u007f", "\\ud800"}) {
          refusedNaming(
              type,
              "{\"" + component.getName() + "\":\"" + bad + "\"}",
              ProblemCode.VALIDATION_FAILED,
              component.getName());
        }
      }
    }
  }

  @Test
  void unknownFieldsAreRefusedAndOnlyPlainNamesAreEchoed() {
    DomainException unknown = refused(WithdrawalRequest.class, "{\"amount\":1,\"amuont\":2}");
    assertEquals(ProblemCode.MALFORMED_JSON, unknown.code());
    assertEquals("amuont: unknown field", unknown.getMessage());
    DomainException hostile = refused(WithdrawalRequest.class, "{\"<script>\":2}");
    assertEquals("a field: unknown field", hostile.getMessage());
  }

  @Test
  void onlyOneFlatObjectIsABody() {
    for (String json :
        new String[] {
          "",
          "[]",
          "1",
          "\"x\"",
          "null",
          "{",
          "{\"amount\":1} {}",
          "{\"amount\":1}x",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
          "{\"amount\":{\"a\":{\"b\":{\"c\":1}}}}",
          "{'amount':1}",
          "{\"amount\":01}",
          "{\"amount\":NaN}",
          "{\"amount\":+1}",
          "{\"amount\":1,}"
        }) {
      assertEquals(ProblemCode.MALFORMED_JSON, refused(WithdrawalRequest.class, json).code(), json);
    }
  }

  @Test
  void everyRequestRecordHasOnlyStrictlyBoundComponentsAndBindsItsOwnFields() throws IOException {
    Set<Class<?>> supported = Set.of(String.class, Long.class, Boolean.class, BigDecimal.class);
    for (Class<? extends Record> type : REQUESTS) {
      StringBuilder json = new StringBuilder("{");
      for (var component : type.getRecordComponents()) {
        assertTrue(
            supported.contains(component.getType()) || component.getType().isEnum(),
            type + " " + component);
        assertTrue(StrictJson.canBind(type), type::toString);
        if (json.length() > 1) {
          json.append(',');
        }
        json.append('"').append(component.getName()).append("\":");
        json.append(
            component.getType().isEnum()
                ? "\"" + ((Enum<?>) component.getType().getEnumConstants()[0]).name() + "\""
                : component.getType() == String.class
                    ? "\"v\""
                    : component.getType() == Boolean.class ? "true" : "7");
      }
      Record bound = read(type, json.append('}').toString());
      for (var component : type.getRecordComponents()) {
        try {
          Object value = component.getAccessor().invoke(bound);
          assertTrue(value != null, type + " " + component);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      Record empty = read(type, "{}");
      for (var component : type.getRecordComponents()) {
        try {
          assertNull(component.getAccessor().invoke(empty));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void verdictsBindToTheirEnumsIgnoringCaseAndSurroundingSpace() throws IOException {
    assertEquals(
        new FeedbackRequest(Verdict.APPROVE, null),
        read(FeedbackRequest.class, "{\"verdict\":\"APPROVE\"}"));
    assertEquals(
        new FeedbackRequest(Verdict.ISSUE, "late"),
        read(FeedbackRequest.class, "{\"verdict\":\" issue \",\"feedback\":\"late\"}"));
    assertEquals(
        new AnswerRequest(IssueResponse.FORFEIT, null),
        read(AnswerRequest.class, "{\"response\":\"Forfeit\"}"));
    assertEquals(
        new FundingRequest(FundingSource.TOKEN, "cashuB"),
        read(FundingRequest.class, "{\"source\":\"token\",\"token\":\"cashuB\"}"));
    assertEquals(
        new ResolutionRequest(Resolution.MAKER_WINS, "paid"),
        read(ResolutionRequest.class, "{\"resolution\":\"maker_wins\",\"reason\":\"paid\"}"));
    assertEquals(
        new ResolutionRequest(null, "r"),
        read(ResolutionRequest.class, "{\"resolution\":null,\"reason\":\"r\"}"));
  }

  @Test
  void anUnknownVerdictIsRefusedNamingTheFieldAndTheAllowedValuesButNotTheInput() {
    for (String value : new String[] {"HALVES", "", " ", "MAKER WINS", "<script>", "\\u0000"}) {
      DomainException refusal =
          refused(ResolutionRequest.class, "{\"resolution\":\"" + value + "\",\"reason\":\"x\"}");
      assertEquals(ProblemCode.VALIDATION_FAILED, refusal.code(), value);
      assertEquals(
          "resolution: must be one of MAKER_WINS, TAKER_WINS, SPLIT, RETURN", refusal.getMessage());
    }
    DomainException source = refused(FundingRequest.class, "{\"source\":\"LIGHTNING\"}");
    assertEquals(ProblemCode.VALIDATION_FAILED, source.code());
    assertEquals("source: must be one of BALANCE, TOKEN", source.getMessage());
    refusedNaming(
        FeedbackRequest.class, "{\"verdict\":\"MAYBE\"}", ProblemCode.VALIDATION_FAILED, "verdict");
    refusedNaming(
        AnswerRequest.class,
        "{\"response\":\"ACCEPT\"}",
        ProblemCode.VALIDATION_FAILED,
        "response");
  }

  @Test
  void aVerdictMustBeAJsonString() {
    for (String value : new String[] {"0", "1", "true", "false", "1.5", "[\"APPROVE\"]", "{}"}) {
      DomainException refusal = refused(FeedbackRequest.class, "{\"verdict\":" + value + "}");
      assertEquals(ProblemCode.MALFORMED_JSON, refusal.code(), value);
      assertEquals("verdict: must be a JSON string, one of APPROVE, ISSUE", refusal.getMessage());
    }
  }
}
