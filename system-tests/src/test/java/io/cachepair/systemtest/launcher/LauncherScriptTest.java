package io.cachepair.systemtest.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code ./cachepair} runnable where new users run it: macOS's bash 3.2 and BSD tools, with
 * Java as the only other requirement. Fails on a construct bash 3.2 or BSD lacks (naming the line),
 * on any shellcheck finding, and when the launcher's single-file Java helper stops compiling on its
 * own.
 */
class LauncherScriptTest {

  private static final Path ROOT = LauncherPaths.root();
  private static final Path SCRIPT = LauncherPaths.script();
  private static final Path HELPER = LauncherPaths.helper();

  /** What bash 3.2 or the BSD tools lack, and what to write instead. */
  private record Forbidden(Pattern pattern, String why) {
    static Forbidden of(String regex, String why) {
      return new Forbidden(Pattern.compile(regex), why);
    }
  }

  private static final List<Forbidden> FORBIDDEN =
      List.of(
          Forbidden.of(
              "\\b(declare|local|typeset|readonly)\\s+-[a-zA-Z]*A",
              "associative arrays need bash 4"),
          Forbidden.of("\\b(declare|local|typeset)\\s+-[a-zA-Z]*n\\b", "namerefs need bash 4.3"),
          Forbidden.of("\\b(mapfile|readarray)\\b", "mapfile/readarray need bash 4"),
          Forbidden.of("\\bcoproc\\b", "coproc needs bash 4"),
          Forbidden.of(
              "\\$\\{[#!]?[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?(\\^\\^?|,,?)",
              "case conversion ${x,,} / ${x^^} needs bash 4"),
          Forbidden.of("\\$\\{[A-Za-z_][A-Za-z0-9_]*@[QEPAaKk]\\}", "${x@Q} needs bash 4.4"),
          Forbidden.of(
              "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\[-[0-9]+\\]\\}", "negative indices need bash 4.3"),
          Forbidden.of("\\[\\[\\s+-v\\b", "[[ -v ]] needs bash 4.2"),
          Forbidden.of("&>>|\\|&", "&>> and |& need bash 4"),
          Forbidden.of("\\bwait\\s+-n\\b", "wait -n needs bash 4.3"),
          Forbidden.of("\\bshopt\\s+-s\\s+(globstar|lastpipe)", "globstar/lastpipe need bash 4"),
          Forbidden.of("\\bEPOCH(REAL)?(SECONDS|TIME)\\b", "EPOCHSECONDS needs bash 5"),
          Forbidden.of("printf\\s+(-v\\s+\\S+\\s+)?['\"]%\\(", "printf %(...)T needs bash 4.2"),
          Forbidden.of("%[0-9]*N", "date +%N is GNU-only: whole seconds from date +%s"),
          Forbidden.of("\\bdate\\s+(-d|--date)\\b", "date -d is GNU-only"),
          Forbidden.of("\\bsed\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*i", "sed -i differs on BSD"),
          Forbidden.of("\\bsed\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*r\\b", "sed -r is GNU-only: sed -E"),
          Forbidden.of("\\breadlink\\s+-[a-zA-Z]*[fem]", "readlink -f is GNU-only"),
          Forbidden.of("\\brealpath\\b", "realpath is missing on older macOS"),
          Forbidden.of("\\bgrep\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*P", "grep -P is GNU-only"),
          Forbidden.of(
              "(^|[;&|(]|\\bthen|\\bdo|\\belse)\\s*timeout\\s", "timeout is GNU coreutils only"),
          Forbidden.of("\\bseq\\s+-w\\b", "seq -w is GNU-only"),
          Forbidden.of("\\bstat\\s+(-c|--)", "stat -c is GNU-only"),
          Forbidden.of("\\bfind\\b.*\\s-printf\\b", "find -printf is GNU-only"),
          Forbidden.of("\\bxargs\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*r", "xargs -r is GNU-only"),
          Forbidden.of("\\bsort\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*V", "sort -V is missing on BSD"),
          Forbidden.of("\\bbase64\\s+-w\\b", "base64 -w is GNU-only"),
          Forbidden.of("\\bps\\s+.*--[a-z]", "ps --long-options are procps-only"),
          Forbidden.of("\\bpython3?\\b|\\bjq\\b", "JSON goes through launcher/Cachepair.java"));

  @Test
  void script_usesNothingBash32OrBsdToolsLack() throws IOException {
    List<String> lines = Files.readAllLines(SCRIPT, StandardCharsets.UTF_8);
    List<String> violations = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("#")) {
        continue; // comments may name what the code avoids
      }
      for (Forbidden f : FORBIDDEN) {
        if (f.pattern().matcher(line).find()) {
          violations.add("cachepair:" + (i + 1) + ": " + f.why() + "\n    " + line.strip());
        }
      }
    }
    assertThat(violations).as("constructs bash 3.2 / BSD tools lack").isEmpty();
  }

  @Test
  void forbiddenPatterns_catchWhatTheyAreFor() {
    // each sample must be caught, or the list above has silently stopped working
    List<String> samples =
        List.of(
            "declare -A PORT=()",
            "mapfile -t lines < f",
            "echo \"${name,,}\"",
            "now_ms() { date +%s%3N; }",
            "sed -i 's/a/b/' f",
            "root=$(readlink -f \"$0\")",
            "grep -oP '\\d+'",
            "  timeout 5 curl x",
            "seq -w 1 10");
    for (String sample : samples) {
      assertThat(FORBIDDEN.stream().anyMatch(f -> f.pattern().matcher(sample).find()))
          .as("caught: %s", sample)
          .isTrue();
    }
    assertThat(FORBIDDEN.stream().anyMatch(f -> f.pattern().matcher("date +%s").find()))
        .as("date +%s is fine")
        .isFalse();
  }

  @Test
  void script_isShellcheckClean() throws Exception {
    Path shellcheck = onPath("shellcheck");
    if (shellcheck == null) {
      String message =
          "shellcheck is not installed (apt-get install shellcheck, brew install shellcheck)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI must run this check");
      }
      Assumptions.abort(message + ": skipped outside CI");
    }
    Process process =
        new ProcessBuilder(shellcheck.toString(), "--shell=bash", "--external-sources", "cachepair")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("shellcheck did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("shellcheck cachepair:%n%s", output).isZero();
  }

  @Test
  void helper_compilesAloneForJava17(@TempDir Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler").isNotNull();
    StringWriter diagnostics = new StringWriter();
    Boolean ok =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString()),
                null,
                javac
                    .getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)
                    .getJavaFileObjects(HELPER))
            .call();
    assertThat(ok).as("javac launcher/Cachepair.java:%n%s", diagnostics).isTrue();
  }

  private static Path onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
