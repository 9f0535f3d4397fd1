package org.openpleb.ee.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.devmint.DevMint;
import org.openpleb.devmint.DevMintConfig;
import org.openpleb.ee.session.ProofOfWork;
import org.openpleb.ee.web.ItAdmission;
import org.openpleb.ee.web.contract.ContractCheck;
import org.openpleb.ee.web.session.SessionClosedRecorder;
import org.openpleb.ee.web.session.SessionTestSupport;

/**
 * The web app's login when the server asks for a proof of work: its own deployment, because the
 * other browser tests' deployment asks for none below EMERGENCY ({@link ItAdmission#RELAXED}). Here
 * WARNING asks for 16 bits, and the test-support control puts the server at WARNING through its
 * memory probe; the page then finds the nonce in its worker (pow-worker.js) and logs in with it,
 * and the server, which refuses a login without the work at this level, lets it in.
 */
@ExtendWith(ArquillianExtension.class)
class ProofOfWorkLoginAppIT {

  private static final int BITS = 16;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    DevMint mint = DevMint.start(DevMintConfig.defaults());
    Runtime.getRuntime().addShutdownHook(new Thread(mint::close));
    // the level is the test's: its memory probe, checked by the control (and the timer)
    return AppDeployment.of(
            "ui-pow",
            mint,
            "SESSION_POW_BITS_WARNING="
                + BITS
                + "\nSESSION_POW_BITS_CRITICAL="
                + (BITS + 2)
                + "\nSESSION_POW_BITS_EMERGENCY="
                + (BITS + 4)
                + "\n")
        .addClasses(SessionTestSupport.class, SessionClosedRecorder.class);
  }

  @ArquillianResource URL base;

  private String app() throws Exception {
    return new URI("http", null, "localhost", base.getPort(), "/", null, null).toString();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void atWarningThePageLogsInWithTheProofOfWorkFromItsWorker() throws Exception {
    HttpResponse<String> level =
        send(
            HttpRequest.newBuilder(URI.create(app() + "api/test-support/capacity?ratio=0.75"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(200, level.statusCode(), level::body);
    assertEquals("WARNING", JSON.readTree(level.body()).path("level").asText(), level::body);
    HttpRequest ask =
        HttpRequest.newBuilder(URI.create(app() + "api/sessions/challenge"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> challenge = send(ask);
    ContractCheck.verify(ask, challenge, challenge.body());
    assertEquals(
        BITS,
        JSON.readTree(challenge.body()).path("pow").path("difficulty").asInt(),
        challenge::body);

    try (Browser user = Browser.start("pow-login")) {
      user.open(app());
      user.awaitText("stream", "open", 30);
      user.click("generate-key");
      // what the login does is recorded on its way: the workers it starts and the login it sends
      user.script(
          "window.__workers = []; window.__logins = [];"
              + "const RealWorker = window.Worker;"
              + "window.Worker = function (url, options) {"
              + "  window.__workers.push(String(url)); return new RealWorker(url, options); };"
              + "const realFetch = window.fetch;"
              + "window.fetch = function (url, init) {"
              + "  if (String(url) === '/api/sessions' && init && init.method === 'POST')"
              + "    window.__logins.push(init.body);"
              + "  return realFetch.apply(this, arguments); };");
      user.click("login");
      user.awaitText("who", "Logged in", 120);

      @SuppressWarnings("unchecked")
      List<Object> workers = (List<Object>) user.script("return window.__workers;");
      assertEquals(1, workers.size(), workers::toString);
      assertTrue(String.valueOf(workers.get(0)).endsWith("/app/pow-worker.js"), workers::toString);
      @SuppressWarnings("unchecked")
      List<Object> logins = (List<Object>) user.script("return window.__logins;");
      assertEquals(1, logins.size(), logins::toString);
      JsonNode sent = JSON.readTree(String.valueOf(logins.get(0)));
      String nonce = sent.path("powNonce").asText();
      assertTrue(
          ProofOfWork.leadingZeroBits(sent.path("challenge").asText(), nonce) >= BITS,
          "the nonce the page sent meets the work: " + sent);

      // the server let the session in: the page's token names a live session
      String token = (String) user.script("return sessionStorage.getItem('openpleb.session');");
      HttpRequest current =
          HttpRequest.newBuilder(URI.create(app() + "api/sessions/current"))
              .header("Authorization", "Bearer " + token)
              .build();
      HttpResponse<String> live = send(current);
      ContractCheck.verify(current, live, live.body());
      assertEquals(200, live.statusCode(), live::body);
      user.awaitText("stream", "open", 30);
      user.assertAccessible("pow-login");
      user.screenshot(
          new File(System.getProperty("war.file"))
              .getAbsoluteFile()
              .getParentFile()
              .toPath()
              .resolve("screenshots"),
          "logged-in");
      user.assertNoConsoleErrors();
    }
  }
}
