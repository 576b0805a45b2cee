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
 * <p>A version with no descriptor yet is published here, into {@code src/main/contract/}: commit
 * the new file with the change.
 */
class PublishedContractTest {

  static final Path CONTRACT = Path.of("src/main/contract");
  static final ConfigurablePofContext POF = new ConfigurablePofContext(CacheNames.POF_CONFIG);
  static final List<CachedType> TYPES = ContractTypes.ALL;

  @ParameterizedTest(name = "{0}")
  @FieldSource("TYPES")
  void wireFormat_matchesItsPublishedDescriptor_andKeepsTheDeclaredCompatibility(CachedType type) {
    ContractPublication.Outcome outcome = ContractPublication.check(type, POF, CONTRACT);
    outcome
        .written()
        .ifPresent(
            file -> System.out.println("Published " + file + ": commit it with the change."));
    assertThat(outcome.schema().compatibility().satisfies(type.declared())).isTrue();
  }
}
