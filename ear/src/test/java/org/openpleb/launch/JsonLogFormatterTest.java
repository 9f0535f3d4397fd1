package org.openpleb.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogFormatterTest {

  private static String formatOnThreadNamed(String name, LogRecord record) throws Exception {
    String[] line = new String[1];
    Thread thread = new Thread(() -> line[0] = new JsonLogFormatter().format(record), name);
    thread.start();
    thread.join();
    return line[0];
  }

  private static LogRecord record(String message, Object... parameters) {
    LogRecord record = new LogRecord(Level.INFO, message);
    record.setLoggerName("org.openpleb.ee.Example");
    record.setParameters(parameters);
    record.setMillis(1_796_625_791_251L);
    return record;
  }

  @Test
  void aLineLoggedWhileHandlingARequestCarriesItsCorrelationId() throws Exception {
    String line =
        formatOnThreadNamed(
            "http-thread-pool::http-listener(2)" + JsonLogFormatter.MARK + "5f2c9a1e-req",
            record("Offer {0} created", "o-1"));

    assertEquals(
        "{\"time\":\"2026-12-07T06:43:11.251Z\",\"level\":\"INFO\",\"logger\":\"org.openpleb.ee.Example\","
            + "\"thread\":\"http-thread-pool::http-listener(2)\",\"correlationId\":\"5f2c9a1e-req\","
            + "\"message\":\"Offer o-1 created\"}"
            + System.lineSeparator(),
        line);
  }

  @Test
  void aLineOutsideARequestHasNoCorrelationId() throws Exception {
    String line = formatOnThreadNamed("main", record("Deployed"));

    assertFalse(line.contains("correlationId"), line);
    assertTrue(line.contains("\"thread\":\"main\""), line);
  }

  @Test
  void quotesControlCharactersAndStackTracesStayOnOneLine() throws Exception {
    LogRecord record = record("say \"hi\"\\\n\tthere\u0001");
    record.setThrown(new IllegalStateException("boom"));

    String line = formatOnThreadNamed("worker", record);

    assertTrue(line.contains("\"message\":\"say \\\"hi\\\"\\\\\\n\\tthere\\u0001\""), line);
    assertTrue(line.contains("\"thrown\":\"java.lang.IllegalStateException: boom\\n"), line);
    assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
  }

  @Test
  void theFormatIsTextUnlessJsonIsAsked() {
    assertEquals(LogFormat.TEXT, LogFormat.from(Map.of()));
    assertEquals(LogFormat.TEXT, LogFormat.from(Map.of(LogFormat.KEY, "text")));
    assertEquals(LogFormat.JSON, LogFormat.from(Map.of(LogFormat.KEY, " JSON ")));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> LogFormat.from(Map.of(LogFormat.KEY, "xml")));
    assertTrue(refused.getMessage().contains(LogFormat.KEY));
  }

  @Test
  void theJsonConfigurationKeepsPayarasLevelsAndSwapsTheFormatter(@TempDir Path dir)
      throws Exception {
    Properties written = load(LogFormat.JSON.writeConfiguration(dir));

    assertEquals(
        JsonLogFormatter.class.getName(), written.getProperty(LogFormat.CONSOLE_FORMATTER));
    assertEquals("java.util.logging.ConsoleHandler", written.getProperty("handlers"));
    assertEquals("INFO", written.getProperty(".level"));
    assertEquals("WARNING", written.getProperty(LogFormat.EJB_CONTAINER_LEVEL));
  }

  @Test
  void theTextConfigurationKeepsPayarasFormatter(@TempDir Path dir) throws Exception {
    Properties written = load(LogFormat.TEXT.writeConfiguration(dir));

    assertEquals(
        "com.sun.enterprise.server.logging.ODLLogFormatter",
        written.getProperty(LogFormat.CONSOLE_FORMATTER));
    assertEquals("WARNING", written.getProperty(LogFormat.EJB_CONTAINER_LEVEL));
  }

  private static Properties load(Path file) throws Exception {
    Properties written = new Properties();
    try (var in = Files.newInputStream(file)) {
      written.load(in);
    }
    return written;
  }

  @Test
  void theReadyLineLearnsThePortFromPayarasOptions() {
    assertEquals("8080", OpenPlebLauncher.httpPort(new String[0]));
    assertEquals(
        "18150", OpenPlebLauncher.httpPort(new String[] {"--nocluster", "--port", "18150"}));
  }
}
