package jp.iotcert.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * Reads the arguments a command was built with. The engine's commands keep them in protected fields
 * without getters; the guard must see them before the command runs. A field that is missing (an
 * engine upgrade renamed it) refuses the command rather than let it pass unchecked.
 */
final class CommandFields {

  private CommandFields() {}

  static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        break;
      }
    }
    throw new AuthorizationException("この操作は確認できないため受け付けられません（" + command.getClass().getSimpleName() + "）。");
  }

  static String text(Object command, String name) {
    Object value = read(command, name);
    return value == null ? null : value.toString();
  }
}
