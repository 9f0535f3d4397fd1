package org.openpleb.ee.web.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.openpleb.ee.admin.AdminPrincipal;

/** The admin the current request acts for, set by {@link CredentialsFilter}. */
@RequestScoped
public class CurrentAdmin {

  private AdminPrincipal principal;

  void set(AdminPrincipal principal) {
    this.principal = principal;
  }

  /**
   * The admin of this request.
   *
   * @throws IllegalStateException on a method not marked {@link AdminOnly}, a programming error
   */
  public AdminPrincipal principal() {
    if (principal == null) {
      throw new IllegalStateException("no admin: the resource method lacks @AdminOnly");
    }
    return principal;
  }

  /** The admin, if the request carries a live admin session's token. */
  public Optional<AdminPrincipal> find() {
    return Optional.ofNullable(principal);
  }
}
