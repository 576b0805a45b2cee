package io.cachepair.operator.rollout.words;

/**
 * One decision the operator made about a pair, said once as a log line and a Kubernetes Event.
 *
 * @param warning whether it is a Warning Event (something needs a person) or Normal
 * @param reason CamelCase reason, one of {@link Reasons}
 * @param message what was decided and why, in a sentence
 */
public record Decision(boolean warning, String reason, String message) {

  public static Decision normal(String reason, String message) {
    return new Decision(false, reason, message);
  }

  public static Decision warning(String reason, String message) {
    return new Decision(true, reason, message);
  }
}
