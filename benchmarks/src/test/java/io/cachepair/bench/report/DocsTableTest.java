package io.cachepair.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated part of the docs page is replaced between its markers and nothing else moves. */
class DocsTableTest {

  @Test
  void update_replacesOnlyBetweenMarkers(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("benchmarks.md");
    Files.writeString(
        doc,
        "# Title\n\nprose\n\n"
            + DocsTable.BEGIN
            + "\nold table\n"
            + DocsTable.END
            + "\n\nmore prose\n");
    Results results = new Results();
    results.run("mode", "quick");
    results.add("lookup", "localDishes per dish", 42.5, "ns", "<= 100 ns", true);

    DocsTable.update(doc, results);

    String text = Files.readString(doc);
    assertThat(text).startsWith("# Title\n\nprose\n\n").endsWith("\n\nmore prose\n");
    assertThat(text)
        .doesNotContain("old table")
        .contains("| lookup | localDishes per dish | 42.5 | ns | <= 100 ns | met |");
  }
}
