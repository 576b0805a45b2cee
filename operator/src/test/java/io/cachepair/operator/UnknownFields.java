package io.cachepair.operator;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds fields a YAML file set that the model does not know: fabric8 keeps them in {@code
 * additionalProperties} instead of failing, so a typo would otherwise pass unnoticed.
 */
final class UnknownFields {

  private UnknownFields() {}

  static List<String> of(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, 0);
    return found;
  }

  private static void walk(Object value, String path, List<String> found, int depth) {
    if (value == null || depth > 40) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found, depth + 1));
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, depth + 1);
      }
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.cachepair")) {
      return;
    }
    for (Method method : value.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class
          || !method.getName().startsWith("get")) {
        continue;
      }
      Object child;
      try {
        child = method.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (method.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          found.add(path + " " + extra.keySet());
        }
        continue;
      }
      walk(child, path + "." + method.getName().substring(3), found, depth + 1);
    }
  }
}
