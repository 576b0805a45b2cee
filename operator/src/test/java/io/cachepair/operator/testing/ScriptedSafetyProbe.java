package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.probes.ContractReport;
import io.cachepair.operator.probes.PairSafetyProbe;
import io.cachepair.operator.probes.SafetyVerdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A safety probe whose answers the test sets, counting how often the operator asked. Unless told
 * otherwise, every service's pods report the contract {@code spec.cache.schemaVersion} asks for.
 */
public final class ScriptedSafetyProbe implements PairSafetyProbe {

  /** Marks a service whose members do not answer {@code /api/cluster}. */
  private static final int SILENT = -1;

  private volatile String statusHA = "NODE_SAFE";
  private final AtomicInteger checks = new AtomicInteger();
  private final Map<ServiceRole, Integer> contracts = new EnumMap<>(ServiceRole.class);
  private final List<ServiceRole> contractQueries = new CopyOnWriteArrayList<>();

  /** Members report this StatusHA from now on ({@code null}: no dish service). */
  public void report(String statusHA) {
    this.statusHA = statusHA;
  }

  /** The pods of {@code role} report contract {@code version} from now on. */
  public synchronized void reportContract(ServiceRole role, int version) {
    contracts.put(role, version);
  }

  /** The pods of {@code role} do not answer {@code /api/cluster} from now on. */
  public synchronized void silence(ServiceRole role) {
    contracts.put(role, SILENT);
  }

  public int checks() {
    return checks.get();
  }

  /** The services whose contract the operator asked for, in order. */
  public List<ServiceRole> contractQueries() {
    return List.copyOf(contractQueries);
  }

  @Override
  public SafetyVerdict check(CachedServicePair pair) {
    checks.incrementAndGet();
    return SafetyVerdict.fromStatusHA(statusHA, Set.of(1), "scripted");
  }

  @Override
  public synchronized ContractReport contractOf(CachedServicePair pair, ServiceRole role) {
    contractQueries.add(role);
    int version = contracts.getOrDefault(role, pair.getSpec().getCache().getSchemaVersion());
    if (version == SILENT) {
      return ContractReport.unknown(role, "no " + role.serviceName() + " member answered");
    }
    return ContractReport.uniform(role, version, "scripted");
  }
}
