package org.openpleb.ee.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.admission.RetryLaterException;
import org.openpleb.ee.events.EventStreamLimitException;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.pricing.PriceUnavailableException;
import org.openpleb.ee.session.LoginRefusal;
import org.openpleb.ee.session.LoginRefusedException;
import org.openpleb.ee.wallet.WalletOperationException;

class ProblemMapperTest {

  private final Logger logger = Logger.getLogger(ProblemMapper.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseLogs() {
    logger.removeHandler(capture);
  }

  @Test
  void aServerFailureAnswers500WithOnlyTheIdAndLogsTheStackTraceUnderIt() {
    IllegalStateException failure = new IllegalStateException("connection refused to db:5432");

    Response response = new ProblemMapper().toResponse(failure);

    assertEquals(500, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    Problem problem = (Problem) response.getEntity();
    assertEquals("INTERNAL_ERROR", problem.code());
    assertFalse(problem.detail().contains("db:5432"), problem.detail());
    LogRecord severe =
        logged.stream().filter(r -> r.getLevel() == Level.SEVERE).findFirst().orElseThrow();
    assertTrue(severe.getMessage().contains(problem.correlationId()), severe.getMessage());
    assertSame(failure, severe.getThrown());
  }

  @Test
  void aRejectedMethodKeepsItsAllowHeader() {
    Response response =
        new ProblemMapper().toResponse(new NotAllowedException("GET", new String[] {"HEAD"}));

    assertEquals(405, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    String allow = response.getHeaderString(HttpHeaders.ALLOW);
    assertTrue(allow.contains("GET") && allow.contains("HEAD"), allow);
    assertTrue(logged.stream().noneMatch(r -> r.getLevel() == Level.SEVERE));
  }

  @Test
  void anUnavailableServiceKeepsItsRetryAfterHeader() {
    Response response = new ProblemMapper().toResponse(new ServiceUnavailableException(30L));

    assertEquals(503, response.getStatus());
    assertEquals("30", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    assertEquals("SERVICE_UNAVAILABLE", ((Problem) response.getEntity()).code());
  }

  @Test
  void aDomainRefusalWithADelayAnswersRetryAfterInWholeSecondsRoundedUp() {
    Response response =
        new ProblemMapper()
            .toResponse(
                new RetryLaterException(
                    ProblemCode.TOO_MANY_REQUESTS, "Slow down", Duration.ofMillis(1200)));

    assertEquals(429, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    assertEquals("2", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    assertEquals("TOO_MANY_REQUESTS", ((Problem) response.getEntity()).code());
    assertEquals("Slow down", ((Problem) response.getEntity()).detail());
  }

  @Test
  void everyTransientDomainRefusalGetsItsRetryAfterFromTheOneMapper() {
    ProblemMapper mapper = new ProblemMapper();

    Response stream = mapper.toResponse(new EventStreamLimitException(3, Duration.ofSeconds(30)));
    Response price =
        mapper.toResponse(new PriceUnavailableException("No price", Duration.ofMillis(10)));
    Response wallet = mapper.toResponse(WalletOperationException.busy(Duration.ofSeconds(5), null));
    Response login =
        mapper.toResponse(
            new LoginRefusedException(LoginRefusal.LIMIT, "Full", Duration.ofSeconds(7)));

    assertEquals(503, stream.getStatus());
    assertEquals("30", stream.getHeaderString(HttpHeaders.RETRY_AFTER));
    assertEquals(503, price.getStatus());
    assertEquals("1", price.getHeaderString(HttpHeaders.RETRY_AFTER));
    assertEquals("WALLET_BUSY", ((Problem) wallet.getEntity()).code());
    assertEquals("5", wallet.getHeaderString(HttpHeaders.RETRY_AFTER));
    assertEquals("7", login.getHeaderString(HttpHeaders.RETRY_AFTER));
  }

  @Test
  void aRefusalWithoutADelayHasNoRetryAfter() {
    Response response =
        new ProblemMapper()
            .toResponse(new DomainException(ProblemCode.VALIDATION_FAILED, "amount: too small"));

    assertEquals(400, response.getStatus());
    assertNull(response.getHeaderString(HttpHeaders.RETRY_AFTER));
  }

  @Test
  void aDelayedRefusalWrappedByTheContainerKeepsItsRetryAfter() {
    Response response =
        new ProblemMapper()
            .toResponse(
                new EJBException(
                    new RetryLaterException(
                        ProblemCode.TOO_MANY_REQUESTS, "Slow down", Duration.ofSeconds(4))));

    assertEquals(429, response.getStatus());
    assertEquals("4", response.getHeaderString(HttpHeaders.RETRY_AFTER));
  }
}
