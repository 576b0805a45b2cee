package io.cachepair.operator.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;

/** The Events the operator recorded on a pair, oldest first, as {@code "Reason: message"}. */
public final class Events {

  private Events() {}

  public static List<Event> of(KubernetesClient client, String namespace, String pair) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> pair.equals(e.getInvolvedObject().getName()))
        .sorted(Comparator.comparing(e -> e.getMetadata().getResourceVersion(), Events::numeric))
        .toList();
  }

  public static List<String> reasons(KubernetesClient client, String namespace, String pair) {
    return of(client, namespace, pair).stream().map(Event::getReason).toList();
  }

  private static int numeric(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
