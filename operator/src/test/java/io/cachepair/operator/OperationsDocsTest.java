package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.metrics.OperatorMetrics;
import io.cachepair.operator.rollout.words.Reasons;
import io.cachepair.operator.testing.Pairs;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/operations.md names every Event reason and every metric the operator has. */
class OperationsDocsTest {

  @Test
  void operationsDoc_listsEveryEventReasonAndOperatorMetric() throws IOException {
    String docs = Files.readString(Pairs.REPO.resolve("docs/operations.md"));
    String events = docs.substring(docs.indexOf("## Events and metrics"));

    assertThat(Reasons.ALL).allSatisfy(reason -> assertThat(events).contains("`" + reason + "`"));
    assertThat(events)
        .contains("`" + OperatorMetrics.DECISIONS.replace('.', '_') + "_total")
        .contains("`" + OperatorMetrics.MEMBER_PROBE.replace('.', '_') + "_seconds");
  }
}
