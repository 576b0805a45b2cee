package io.cachepair.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The members' deserialization filter: JDK, Coherence and project types pass, anything else (the
 * libraries a gadget chain would use) is rejected.
 */
class SerialFilterTest {

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(SerialFilter.filter());
      return in.readObject();
    }
  }

  @Test
  void jdkTypes_pass() throws Exception {
    assertThat(roundTrip(new ArrayList<>(List.of("a", 1)))).isEqualTo(List.of("a", 1));
  }

  @Test
  void aLibraryClass_isRejected() {
    // serializable and on every service's classpath, as gadget classes are
    assertThatThrownBy(() -> roundTrip(new org.springframework.util.LinkedMultiValueMap<>()))
        .isInstanceOf(InvalidClassException.class);
  }

  @Test
  void deepGraphs_areRejected() {
    List<Object> deep = new ArrayList<>();
    List<Object> current = deep;
    for (int i = 0; i < 100; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    assertThatThrownBy(() -> roundTrip(deep)).isInstanceOf(InvalidClassException.class);
  }
}
