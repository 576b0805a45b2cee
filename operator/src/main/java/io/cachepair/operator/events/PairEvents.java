package io.cachepair.operator.events;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.rollout.words.Decision;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says each decision twice: a log line and a Kubernetes Event on the pair ({@code kubectl describe
 * csp}). Decisions are made on changes only (a new plan, a step started, another wait reason), so
 * every Event is news and a plain {@code create} suffices. An Event that cannot be written is
 * logged and dropped: it never fails a reconcile.
 */
public final class PairEvents {

  /** Events' source component, as {@code kubectl get events} shows it. */
  public static final String COMPONENT = "cachepair-operator";

  private static final Logger LOG = LoggerFactory.getLogger(PairEvents.class);
  private static final int MAX_MESSAGE = 1024;

  private final String instance;
  private final Clock clock;

  /**
   * @param instance this operator instance (pod name), as reportingInstance
   * @param clock time of the Events
   */
  public PairEvents(String instance, Clock clock) {
    this.instance = instance;
    this.clock = clock;
  }

  /** Logs {@code decision} and records it as an Event of {@code pair}. */
  public void record(KubernetesClient client, CachedServicePair pair, Decision decision) {
    String who = pair.getMetadata().getNamespace() + "/" + pair.getMetadata().getName();
    if (decision.warning()) {
      LOG.warn("{} {}: {}", who, decision.reason(), decision.message());
    } else {
      LOG.info("{} {}: {}", who, decision.reason(), decision.message());
    }
    try {
      client
          .v1()
          .events()
          .inNamespace(pair.getMetadata().getNamespace())
          .resource(event(pair, decision))
          .create();
    } catch (RuntimeException e) {
      LOG.warn("{}: could not record Event {}: {}", who, decision.reason(), e.getMessage());
    }
  }

  Event event(CachedServicePair pair, Decision decision) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String message = decision.message();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE - 1) + "…";
    }
    return new EventBuilder()
        .withNewMetadata()
        .withName(
            pair.getMetadata().getName()
                + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()))
        .withNamespace(pair.getMetadata().getNamespace())
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(pair.getApiVersion())
                .withKind(pair.getKind())
                .withName(pair.getMetadata().getName())
                .withNamespace(pair.getMetadata().getNamespace())
                .withUid(pair.getMetadata().getUid())
                .build())
        .withReason(decision.reason())
        .withMessage(message)
        .withType(decision.warning() ? "Warning" : "Normal")
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent("cachepair.io/operator")
        .withReportingInstance(instance)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .build();
  }
}
