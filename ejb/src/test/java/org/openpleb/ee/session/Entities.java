package org.openpleb.ee.session;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies and field writes on the session entities, for the in-memory repositories: they must hand
 * out detached copies and change stored rows the way a JPQL bulk update does, without the entities
 * growing setters only tests would use.
 */
final class Entities {

  private Entities() {}

  /** A field-by-field copy of {@code entity}, as a fresh read from the database would be. */
  static <T> T copy(T entity) {
    try {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) entity.getClass();
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      T copy = constructor.newInstance();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        field.set(copy, field.get(entity));
      }
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + entity.getClass(), e);
    }
  }

  /** Writes one column of a stored row, as an {@code UPDATE … SET} does. */
  static void set(Object entity, String fieldName, Object value) {
    try {
      Field field = entity.getClass().getDeclaredField(fieldName);
      field.setAccessible(true);
      field.set(entity, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no field " + fieldName + " on " + entity.getClass(), e);
    }
  }
}
