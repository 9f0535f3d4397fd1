package org.openpleb.ee.web.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.platform.ProblemCode;

/**
 * The shipped front proxy ({@code config/nginx/openpleb.conf}) writes its own answers as problem
 * documents: each must be one the API could have written, with a stable code of {@link ProblemCode}
 * and that code's type, title and status, so a client branches on it like on any other; and every
 * error status nginx can write itself must be mapped to one. HostileInputIT runs the same file in
 * front of a server.
 */
class FrontProxyConfigTest {

  private static final Path CONFIG =
      Path.of(System.getProperty("user.dir")).resolve("../config/nginx/openpleb.conf");

  /** {@code location = /.openpleb-problem/N { … return N '…'; }}. */
  private static final Pattern ANSWER =
      Pattern.compile(
          "location = /\\.openpleb-problem/(\\d{3}) \\{\\s*internal;\\s*"
              + "default_type (\\S+);\\s*return (\\d{3}) '([^']*)';");

  /** {@code error_page N [=M] /.openpleb-problem/K;}. */
  private static final Pattern ERROR_PAGE =
      Pattern.compile("error_page (\\d{3})(?: =(\\d{3}))? /\\.openpleb-problem/(\\d{3});");

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Answer(int location, String contentType, int status, String body) {}

  private static String config() throws Exception {
    return Files.readString(CONFIG);
  }

  private static List<Answer> answers() throws Exception {
    List<Answer> answers = new ArrayList<>();
    Matcher m = ANSWER.matcher(config());
    while (m.find()) {
      answers.add(
          new Answer(
              Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
    }
    return answers;
  }

  @Test
  void everyAnswerOfTheFrontIsAProblemOfTheApi() throws Exception {
    List<Answer> answers = answers();
    assertTrue(answers.size() >= 10, "answers found: " + answers.size());
    for (Answer answer : answers) {
      assertEquals("application/problem+json", answer.contentType(), answer::toString);
      assertEquals(answer.location(), answer.status(), answer::toString);
      JsonNode problem = JSON.readTree(answer.body());
      ProblemCode code = ProblemCode.valueOf(problem.path("code").asText());
      assertEquals(code.status(), answer.status(), answer::toString);
      assertEquals(code.status(), problem.path("status").asInt(), answer::toString);
      assertEquals(code.type(), problem.path("type").asText(), answer::toString);
      assertEquals(code.title(), problem.path("title").asText(), answer::toString);
      assertTrue(problem.path("detail").asText().length() > 10, answer::toString);
    }
  }

  @Test
  void everyErrorNginxWritesItselfLeadsToAProblem() throws Exception {
    Set<Integer> answered = new TreeSet<>();
    answers().forEach(a -> answered.add(a.location()));
    Set<Integer> mapped = new TreeSet<>();
    Matcher m = ERROR_PAGE.matcher(config());
    while (m.find()) {
      int status = Integer.parseInt(m.group(1));
      int target = Integer.parseInt(m.group(3));
      int shown = m.group(2) == null ? status : Integer.parseInt(m.group(2));
      assertEquals(shown, target, m.group());
      assertTrue(answered.contains(target), "no problem document for " + m.group());
      mapped.add(status);
    }
    // what nginx writes on its own: bad requests, refused methods, timeouts, sizes (494 is its
    // "request header too large"), and its failures to reach the server
    for (int status : List.of(400, 403, 404, 405, 408, 413, 414, 494, 500, 501, 502, 503, 504)) {
      assertTrue(mapped.contains(status), "nginx's own " + status + " is not a problem");
    }
  }
}
