package jp.iotcert.identity;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Service;

/**
 * A person's name as people read it, the way Tasklist shows an assignee: "firstName lastName",
 * where the accounts hold the family name in firstName (IdentitySetup), so 「事務局 一郎」.
 */
@Service
public class PersonNames {

  private final IdentityService identityService;

  public PersonNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The user's name, or the id itself for an unknown user or one without a name. Inside the engine
   * (a delegate run for whoever completed a task) the lookup is the application's, not that user's:
   * a committee member need not be allowed to read other accounts for the chair to see their names.
   */
  public String of(String userId) {
    CommandContext context = Context.getCommandContext();
    User user = context == null ? find(userId) : context.runWithoutAuthorization(() -> find(userId));
    return user == null ? userId : displayName(userId, user.getFirstName(), user.getLastName());
  }

  /** "firstName lastName" without empty parts; the id when both are empty. */
  static String displayName(String userId, String firstName, String lastName) {
    String name = Stream.of(firstName, lastName)
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(" "));
    return name.isEmpty() ? userId : name;
  }

  private User find(String userId) {
    return identityService.createUserQuery().userId(userId).singleResult();
  }
}
