package org.openpleb.ee.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures into the one error contract. It exists only because the REST
 * runtime ships its own, closer-typed mapper for {@link ValidationException} that would otherwise
 * win over {@link ProblemMapper}.
 */
@Provider
@ApplicationScoped
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Inject ProblemMapper problems;

  @Override
  public Response toResponse(ValidationException failure) {
    return problems.toResponse(failure);
  }
}
