package io.cachepair.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.io.pof.ConfigurablePofContext;
import io.cachepair.contract.CacheNames;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The build's contract check over the real cached types: each one's wire format, derived from its
 * serializer, equals its published descriptor and keeps its declared compatibility.
 *
 * <p>It only verifies: a missing or differing descriptor fails with the command that publishes it
 * ({@link ContractPublication#UPDATE_COMMAND}, which sets {@code cachepair.contract.update=true}
 * through the {@code update-contract} profile); commit the written file with the change.
 */
class PublishedContractTest {

  static final Path CONTRACT = Path.of("src/main/contract");
  static final ConfigurablePofContext POF = new ConfigurablePofContext(CacheNames.POF_CONFIG);
  static final List<CachedType> TYPES = ContractTypes.ALL;
  static final ContractPublication.Mode MODE =
      Boolean.getBoolean("cachepair.contract.update")
          ? ContractPublication.Mode.PUBLISH
          : ContractPublication.Mode.VERIFY;

  @ParameterizedTest(name = "{0}")
  @FieldSource("TYPES")
  void wireFormat_matchesItsPublishedDescriptor_andKeepsTheDeclaredCompatibility(CachedType type) {
    ContractPublication.Outcome outcome = ContractPublication.check(type, POF, CONTRACT, MODE);
    outcome
        .written()
        .ifPresent(
            file -> System.out.println("Published " + file + ": commit it with the change."));
    assertThat(outcome.schema().compatibility().satisfies(type.declared())).isTrue();
  }
}
