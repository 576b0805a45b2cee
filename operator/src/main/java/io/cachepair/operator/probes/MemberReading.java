package io.cachepair.operator.probes;

/**
 * What one pod answered, or why it did not.
 *
 * @param pod the pod asked
 * @param report its report, or {@code null} when it did not answer
 * @param failure why there is no report (status code, timeout, unreadable body), else {@code null}
 */
public record MemberReading(MemberPod pod, MemberReport report, String failure) {

  public static MemberReading of(MemberPod pod, MemberReport report) {
    return new MemberReading(pod, report, null);
  }

  public static MemberReading failed(MemberPod pod, String failure) {
    return new MemberReading(pod, null, failure);
  }

  public boolean answered() {
    return report != null;
  }
}
