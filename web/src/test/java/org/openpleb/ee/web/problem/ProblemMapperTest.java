package org.openpleb.ee.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
