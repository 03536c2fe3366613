package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.sim.output.BuildInfo;
import picocli.CommandLine;

/**
 * Issue 12, "The command line": every subcommand's {@code --help} prints that command's help and
 * exits 0 (it used to say "Missing required parameter" and exit 2); {@code --version} prints the
 * build's version and commit; a value of the wrong type ({@code --seed abc}) and other rejected
 * command lines give one line, not the whole usage.
 */
class CliHelpTest {
  /** What one in-process command printed and returned. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /** Every subcommand Main declares, read from picocli's model so that none is forgotten. */
  static Stream<String> subcommands() {
    return new CommandLine(new Main()).getSubcommands().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void help_everySubcommand_printsItsUsageAndExitsZero(String name) {
    for (String flag : List.of("--help", "-h")) {
      Result r = run(name, flag);
      assertEquals(0, r.code(), name + " " + flag + ": " + r.err());
      assertTrue(r.out().contains("Usage: ouroboros " + name + " "), r.out());
      assertEquals("", r.err());
    }
  }

  @Test
  void help_topLevel_listsEveryCommand() {
    Result r = run("--help");
    assertEquals(0, r.code());
    subcommands().forEach(s -> assertTrue(r.out().contains("  " + s + " "), s + ":\n" + r.out()));
  }

  /**
   * An option's description names only options of its own command, but in a quoted command line of
   * another: {@code resume --help} said {@code --live} "runs at --pace 2 unless --pace says
   * otherwise", an option resume does not have.
   */
  @ParameterizedTest
  @MethodSource("subcommands")
  void help_optionDescriptions_nameOnlyTheCommandsOwnOptions(String name) {
    CommandLine.Model.CommandSpec spec =
        new CommandLine(new Main()).getSubcommands().get(name).getCommandSpec();
    for (CommandLine.Model.OptionSpec option : spec.options()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?<![\\w-])--[a-z][a-z-]*[a-z]")
              .matcher(
                  // A quoted command line ('ouroboros node --join HOST:PORT') is another's.
                  String.join(" ", option.description()).replaceAll("'ouroboros [^']*'", ""));
      while (m.find()) {
        assertTrue(
            spec.optionsMap().containsKey(m.group()),
            name + " " + option.longestName() + " names " + m.group() + ", which it lacks");
      }
    }
  }

  @Test
  void version_printsVersionAndCommit() {
    Result r = run("--version");
    assertEquals(0, r.code());
    assertEquals(BuildInfo.current().line() + System.lineSeparator(), r.out());
    // Built by Maven, the resource is filtered: the version is the pom's, never a placeholder.
    assertTrue(BuildInfo.current().version().matches("\\d+\\.\\d+\\.\\d+.*"), r.out());
    assertFalse(BuildInfo.current().commit().contains("${"), r.out());
  }

  @Test
  void seed_notANumber_oneLineExitTwo() {
    Result r = run("run", "--seed", "abc", "scenario.yaml");
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals("", r.out());
    assertEquals(
        "error: --seed: found 'abc', expected a whole number (see 'ouroboros run --help')",
        r.err().strip());
  }

  @Test
  void badCommandLines_oneLineEach() {
    for (String[] args :
        List.of(
            new String[] {"run"},
            new String[] {"run", "--sed", "1", "x.yaml"},
            new String[] {"sweep", "--parallel", "two", "x.yaml"},
            new String[] {"graph", "--tick", "1.5", "dir"})) {
      Result r = run(args);
      assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", args));
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
    }
    assertTrue(
        run("sweep", "--parallel", "two", "x.yaml").err().contains("--parallel: found 'two'"));
  }

  @Test
  void completion_bashScript_coversEveryCommandAndOption() {
    Result r = run("completion");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().lines().findFirst().orElse(""));
    assertTrue(r.out().contains("complete -F _complete_ouroboros"), "registers the function");
    subcommands().forEach(s -> assertTrue(r.out().contains(s), s));
    for (String option : List.of("--seed", "--set", "--resume", "--tick")) {
      assertTrue(r.out().contains(option), option);
    }
  }
}
