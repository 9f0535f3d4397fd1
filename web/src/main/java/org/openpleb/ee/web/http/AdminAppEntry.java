package org.openpleb.ee.web.http;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin} without its slash: sent on to the admin app at {@code /admin/}. Mapped exactly, so
 * the request passes the application's filters first (the request guard refuses one that only got
 * here by an encoded {@code ../} under {@code /api}) rather than being redirected by the
 * container's directory handling before any of them runs.
 */
@WebServlet(name = "AdminAppEntry", urlPatterns = "/admin")
public class AdminAppEntry extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/admin/");
  }
}
