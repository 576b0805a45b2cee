package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** Who may scrape the services' management port through the pair's NetworkPolicy. */
public class MonitoringSpec {

  @JsonPropertyDescription(
      "Namespaces (by name) whose pods may reach the management port 9080 (/actuator/prometheus),"
          + " e.g. the namespace Prometheus runs in. The operator's own namespace always may.")
  private List<String> scrapeNamespaces = new ArrayList<>();

  public List<String> getScrapeNamespaces() {
    return scrapeNamespaces;
  }

  public void setScrapeNamespaces(List<String> scrapeNamespaces) {
    this.scrapeNamespaces = scrapeNamespaces;
  }
}
