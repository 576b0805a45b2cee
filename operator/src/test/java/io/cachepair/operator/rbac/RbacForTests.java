package io.cachepair.operator.rbac;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;

/** The manifests' RBAC for tests outside this package that run leader election on the mock. */
public final class RbacForTests {

  private RbacForTests() {}

  /** Answers JOSDK's SelfSubjectRulesReview with the rules {@code manifests/} binds. */
  public static void answerSelfReviews(KubernetesMockServer server) throws IOException {
    SelfRulesReviews.answerFrom(ManifestRbac.fromManifests(), server);
  }
}
