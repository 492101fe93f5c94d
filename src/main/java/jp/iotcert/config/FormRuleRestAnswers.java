package jp.iotcert.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Engine REST's answer to a broken form rule: 400 whose {@code message} is only the rule's Japanese
 * sentence, which Tasklist shows under its own heading. Engine REST answers a form validation failure
 * with 400 already, but prefixes its message with {@code Cannot submit task form <id>: } (or
 * {@code Cannot complete task …}, {@code Cannot instantiate process definition …}); {@link Mapper}
 * takes the {@link RestException}s of those resources and, when a {@link FormFieldValidationException}
 * is among their causes, answers with that exception's own message. Every other {@link RestException}
 * gets engine REST's usual answer ({@link ExceptionHandlerHelper}).
 *
 * <p>Two Jersey applications serve the engine's REST resources: {@code /engine-rest} (REST clients)
 * and the webapps' own {@code /camunda/api/engine} (Tasklist submits its forms there). Both are
 * reached through Jersey's auto-discovery ({@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}),
 * which registers the mapper in every Jersey application of this server; its priority puts it before
 * engine REST's own mapper for the same exception type.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(2000)
public class FormRuleRestAnswers implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(Mapper.class)) {
      context.register(Mapper.class);
    }
  }

  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      FormFieldValidationException violation = FormRuleAnswers.formRule(exception);
      if (violation == null) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      ExceptionDto answer = new ExceptionDto();
      answer.setType(violation.getClass().getSimpleName());
      answer.setMessage(violation.getMessage());
      answer.setCode(violation.getCode());
      return Response.status(Response.Status.BAD_REQUEST).entity(answer).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
