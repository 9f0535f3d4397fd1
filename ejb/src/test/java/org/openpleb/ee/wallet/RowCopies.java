package org.openpleb.ee.wallet;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies and edits of JPA entity rows for the in-memory repositories, through their fields: a row
 * handed out must not be the stored one, as a detached entity read from the database is not, and
 * the fakes change columns the way the JPA adapters' UPDATE statements do, without setters in main
 * code.
 */
final class RowCopies {

  private RowCopies() {}

  /** A field-by-field copy of {@code row}, made through its no-argument JPA constructor. */
  static <T> T copy(T row) {
    try {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) row.getClass();
      Constructor<T> make = type.getDeclaredConstructor();
      make.setAccessible(true);
      T copy = make.newInstance();
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        field.setAccessible(true);
        field.set(copy, field.get(row));
      }
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot copy " + row.getClass().getSimpleName(), e);
    }
  }

  /** Sets column field {@code name} of {@code row}, as an UPDATE would. */
  static void set(Object row, String name, Object value) {
    try {
      Field field = row.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(row, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("No column field " + name, e);
    }
  }
}
