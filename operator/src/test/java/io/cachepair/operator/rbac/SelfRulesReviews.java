package io.cachepair.operator.rbac;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Plays the API server's authorizer for {@code SelfSubjectRulesReview}, which the CRUD mock cannot
 * answer: JOSDK asks it before leader election starts, and the answer is the rules {@code
 * manifests/} binds to the operator in the asked namespace.
 */
final class SelfRulesReviews {

  private SelfRulesReviews() {}

  static void answerFrom(ManifestRbac rbac, KubernetesMockServer server) {
    KubernetesSerialization json = new KubernetesSerialization();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReply(
            201,
            request -> {
              SelfSubjectRulesReview review =
                  json.unmarshal(request.getBody().readUtf8(), SelfSubjectRulesReview.class);
              List<ResourceRule> rules =
                  rbac.rulesIn(review.getSpec().getNamespace()).stream()
                      .map(
                          r ->
                              new ResourceRuleBuilder()
                                  .withApiGroups(r.getApiGroups())
                                  .withResources(r.getResources())
                                  .withVerbs(r.getVerbs())
                                  .withResourceNames(r.getResourceNames())
                                  .build())
                      .toList();
              review.setStatus(
                  new io.fabric8.kubernetes.api.model.authorization.v1
                          .SubjectRulesReviewStatusBuilder()
                      .withResourceRules(rules)
                      .withIncomplete(false)
                      .build());
              return review;
            })
        .always();
  }
}
