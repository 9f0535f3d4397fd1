package org.openpleb.ee.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpleb.ee.platform.ProblemCode;
import org.openpleb.ee.web.correlation.RequestCorrelation;

/**
 * The error page of the whole application (see {@code WEB-INF/web.xml}): whatever the servlet
 * container answers by itself, a status without a body or an exception nothing mapped, goes out as
 * a problem document instead of the server's HTML page. Only an exception is an unexpected failure
 * logged with a correlation id; a bare status is the container refusing the request.
 */
@WebServlet(
    name = "ProblemErrorServlet",
    urlPatterns = ProblemErrorServlet.PATH,
    asyncSupported = true)
public class ProblemErrorServlet extends HttpServlet {

  /** Where web.xml sends errors. */
  public static final String PATH = "/problem-error";

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String instance = uri instanceof String path ? path : null;
    Problem problem;
    if (failure instanceof Throwable error) {
      String correlationId =
          RequestCorrelation.current().orElseGet(() -> UUID.randomUUID().toString());
      LOG.log(Level.SEVERE, "Unexpected failure " + correlationId + " on " + instance, error);
      problem = Problem.internal(correlationId, instance);
    } else if (status instanceof Integer code) {
      problem = forStatus(code, instance);
    } else {
      // Asked for directly, not as an error page.
      problem =
          Problem.of(
              ProblemCode.NOT_FOUND, "There is nothing at this path.", request.getRequestURI());
    }
    ServletProblems.send(response, problem);
  }

  /** The problem for a status the container chose, with a fixed detail. */
  static Problem forStatus(int status, String instance) {
    ProblemCode code = ProblemCode.forStatus(status);
    if (code == ProblemCode.INTERNAL_ERROR && status >= 500) {
      // The container failed without an exception to log: nothing to correlate, nothing leaked.
      return Problem.of(code, "The server could not handle this request.", instance);
    }
    return Problem.of(code, code.title() + ".", instance);
  }
}
