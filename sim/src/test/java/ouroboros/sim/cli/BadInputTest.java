package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ouroboros.agents.pipeline.Regime;

/**
 * ARCHITECTURE.md invariant 3: bad input is rejected before the first tick. Each case writes one
 * broken scenario file and runs both {@code ouroboros validate FILE} and {@code ouroboros run FILE
 * --quiet --out DIR} in-process. Both must exit with 2, print exactly one line {@code error:
 * FILE:LINE:COL: PATH: found X, expected Y} with the right line, column, key path, found value and
 * expectation, print no stack trace and nothing on standard output; {@code run} must create no run
 * directory. Every case must also be refused within 5 seconds, which guards against a YAML alias
 * bomb being expanded.
 */
class BadInputTest {
  /**
   * A small copy of {@code scenarios/quickstart.yaml}, kept here so that the line numbers in {@link
   * #cases()} do not move when the example changes. {@code name} is on line 1, the first model's
   * {@code id} on line 21 and the second model's on line 28.
   */
  private static final String VALID =
      """
      name: quickstart
      description: Replace collapses; fresh human data does not.
      seed: 42
      ticks: 200
      domain:
        type: gaussian
        dimensions: 1
        mean: [0.0]
        variance: [1.0]
      web:
        retention: 1
      sites:
        - id: forum
        - id: replace-blog
        - id: fresh-blog
      humans:
        - id: people
          publish-rate: 2
          site: forum
      models:
        - id: lab-replace
          regime: replace
          initial: truth
          scrape: 50
          publish-rate: 100
          site: replace-blog
          crawl: {sites: [replace-blog]}
        - id: lab-fresh
          regime: replace
          fresh-human-fraction: 0.2
          initial: truth
          scrape: 50
          publish-rate: 100
          site: fresh-blog
          crawl: {sites: [fresh-blog]}
      """;

  /** Nine levels of nine aliases each: 9^9 strings if expanded. */
  private static final String ALIAS_BOMB =
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  /**
   * One bad file and the error it must produce. A line of 0 means the error has no position (the
   * file is missing or holds nothing); an empty path means the error is about the whole file.
   *
   * @param name condition_expectation, as in a test name
   * @param content the file's bytes, or null for a file that does not exist
   * @param line expected 1-based line
   * @param column expected 1-based column
   * @param path expected key path
   * @param found expected found text, exactly
   * @param expected texts the expectation must contain, the first one at its start
   */
  record Case(
      String name,
      byte[] content,
      int line,
      int column,
      String path,
      String found,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  @TempDir Path tmp;

  /** Every case, under both commands. */
  static Stream<Arguments> badInputs() {
    return cases().stream()
        .flatMap(c -> Stream.of(Arguments.of("validate", c), Arguments.of("run", c)));
  }

  @ParameterizedTest(name = "{0}_{1}")
  @MethodSource("badInputs")
  void badInput_rejectedBeforeFirstTick(String command, Case c) throws IOException {
    Path file = tmp.resolve("bad.yaml");
    if (c.content() != null) {
      Files.write(file, c.content());
    }
    Path out = tmp.resolve("out");
    String[] args =
        command.equals("run")
            ? new String[] {"run", file.toString(), "--quiet", "--out", out.toString()}
            : new String[] {"validate", file.toString()};

    Result r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> cli(args),
            () -> command + " did not refuse " + c.name() + " within 5 s");

    assertEquals(Main.BAD_INPUT, r.code(), () -> "exit code; stderr: " + r.err());
    assertFalse(r.err().contains("Exception"), () -> "an exception name on stderr: " + r.err());
    assertFalse(r.err().contains("\tat "), () -> "a stack trace on stderr: " + r.err());
    assertEquals("", r.out(), "nothing on stdout");
    assertFalse(Files.exists(out), "run created a run directory for a rejected scenario");

    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), () -> "one error line: " + r.err());
    String line = lines.get(0);
    String where = c.line() > 0 ? file + ":" + c.line() + ":" + c.column() : file.toString();
    String prefix =
        "error: "
            + where
            + ": "
            + (c.path().isEmpty() ? "" : c.path() + ": ")
            + "found "
            + c.found()
            + ", expected "
            + c.expected().get(0);
    assertTrue(line.startsWith(prefix), () -> "\nwanted: " + prefix + "...\ngot:    " + line);
    for (String part : c.expected()) {
      assertTrue(line.contains(part), () -> "no '" + part + "' in: " + line);
    }
  }

  @Test
  void validate_validBase_accepted() {
    Result r = cli("validate", write("valid.yaml", VALID).toString());
    assertEquals(0, r.code(), r::err);
    assertEquals("", r.err());
  }

  @Test
  void validate_unknownKeysAndOtherProblems_allInOnePass() {
    // QA, stop 33: one unknown key hid every other problem of the file, the other unknown keys
    // too, so three misspelt keys took three runs to find (cli.md shows them together).
    String text =
        VALID
            .replace("  - id: lab-replace\n", "  - id: lab-replace\n    retrain-evry: 2\n")
            .replace(
                "    regime: replace\n    fresh-human-fraction",
                "    regme: replace\n    fresh-human-fraction")
            .replace("ticks: 200", "ticks: 200\nseeed: 3");
    Result r = cli("validate", write("three.yaml", text).toString());
    assertEquals(2, r.code(), r::err);
    List<String> lines = r.err().lines().toList();
    assertEquals(4, lines.size(), r.err());
    for (String expected :
        List.of(
            ": found unknown key 'seeed'",
            "models[0]: found unknown key 'retrain-evry'",
            "models[1]: found unknown key 'regme'",
            "models[1].regime: found nothing, expected the required key")) {
      assertEquals(1, lines.stream().filter(l -> l.contains(expected)).count(), expected);
    }
  }

  @Test
  void run_validBase_createsRunDirectory() {
    Path out = tmp.resolve("out");
    Result r =
        cli(
            "run",
            write("valid.yaml", VALID.replace("ticks: 200", "ticks: 2")).toString(),
            "--quiet",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r::err);
    assertTrue(
        Files.isDirectory(out),
        "the check that bad input creates no directory means "
            + "something only if good input creates one");
  }

  /** The bad files, each a small change to {@link #VALID}. */
  static List<Case> cases() {
    List<String> regimes = Regime.keys();
    List<Case> cases = new ArrayList<>();
    // A new line 22 inside models[0].
    cases.add(
        new Case(
            "unknownKey_suggestsClosestKey",
            utf8(
                VALID.replace(
                    "  - id: lab-replace\n", "  - id: lab-replace\n    retrain-evry: 2\n")),
            22,
            5,
            "models[0]",
            "unknown key 'retrain-evry'",
            List.of("one of [", "retrain-every", "(did you mean 'retrain-every'?)")));
    cases.add(
        new Case(
            "wrongType_ticksText_expectsWholeNumber",
            utf8(VALID.replace("ticks: 200", "ticks: many")),
            4,
            8,
            "ticks",
            "the text 'many'",
            List.of("a whole number")));
    cases.add(
        new Case(
            "wrongType_ticksTooLarge_expectsRange",
            utf8(VALID.replace("ticks: 200", "ticks: 99999999999")),
            4,
            8,
            "ticks",
            "the number 99999999999",
            List.of("a whole number from 1 to 2147483647")));
    cases.add(
        new Case(
            "wrongType_scrapeFraction_expectsWholeNumber",
            utf8(replaceFirst(VALID, "scrape: 50", "scrape: 1.5")),
            24,
            13,
            "models[0].scrape",
            "the decimal number 1.5",
            List.of("a whole number from 1 to 10000000")));
    cases.add(
        new Case(
            "negativeCount_publishRate_expectsAtLeastZero",
            utf8(replaceFirst(VALID, "publish-rate: 100", "publish-rate: -5")),
            25,
            19,
            "models[0].publish-rate",
            "-5",
            List.of("a whole number of at least 0")));
    cases.add(
        new Case(
            "probabilityAboveOne_freshHumanFraction_expectsUnitInterval",
            utf8(VALID.replace("fresh-human-fraction: 0.2", "fresh-human-fraction: 1.5")),
            30,
            27,
            "models[1].fresh-human-fraction",
            "1.5",
            List.of("a probability in [0, 1]")));
    cases.add(
        new Case(
            "unknownRegime_listsKnownRegimesAndSuggestsReplace",
            utf8(replaceFirst(VALID, "regime: replace", "regime: replaec")),
            22,
            13,
            "models[0].regime",
            "'replaec'",
            List.of("a known regime, one of " + regimes, "(did you mean 'replace'?)")));
    // A missing key is placed at its mapping: models[0] starts at its first key, line 21.
    cases.add(
        new Case(
            "missingKey_scrape_namesRequiredKey",
            utf8(replaceFirst(VALID, "    scrape: 50\n", "")),
            21,
            5,
            "models[0].scrape",
            "nothing",
            List.of("the required key 'scrape'")));
    cases.add(
        new Case(
            "missingKey_ticks_namesRequiredKey",
            utf8(VALID.replace("ticks: 200\n", "")),
            1,
            1,
            "ticks",
            "nothing",
            List.of("the required key 'ticks'")));
    cases.add(
        new Case(
            "emptyFile_expectsScenarioMapping",
            new byte[0],
            0,
            0,
            "",
            "an empty file",
            List.of("a YAML mapping with at least 'name'")));
    cases.add(
        new Case(
            "onlyComments_expectsScenarioMapping",
            utf8("# a scenario\n\n# to be written\n"),
            0,
            0,
            "",
            "a file with only comments and blank lines",
            List.of("a YAML mapping with at least 'name'")));
    // The second '{' opens a mapping where a key should be.
    cases.add(
        new Case(
            "notYaml_brackets_pointsAtFirstBadToken",
            utf8("{{{ not: [yaml\n"),
            1,
            2,
            "",
            "a mapping used as a key",
            List.of("a plain key such as 'name' or 'ticks'")));
    cases.add(
        new Case(
            "notYaml_unclosedList_reportsParserProblem",
            utf8("name: [unclosed\nticks: 3\n"),
            2,
            6,
            "",
            "text that is not valid YAML (expected ',' or ']', but got :)",
            List.of("a YAML mapping of scenario keys")));
    cases.add(
        new Case(
            "notYaml_tabIndent_pointsAtTab",
            utf8("name: x\n\tticks: 3\n"),
            2,
            1,
            "",
            "text that is not valid YAML (found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation))",
            List.of("a YAML mapping of scenario keys")));
    cases.add(
        new Case(
            "notYaml_proseText_expectsMapping",
            utf8("\n# notes\nThis is not a scenario.\n"),
            3,
            1,
            "",
            "a single text value (not shown: the file is not a YAML mapping)",
            List.of("a YAML mapping of scenario keys")));
    cases.add(
        new Case(
            "binary_pngHeader_notUtf8",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13},
            1,
            1,
            "",
            "the byte 0x89, which is not UTF-8 text",
            List.of("a UTF-8 YAML file")));
    cases.add(
        new Case(
            "binary_midFile_pointsAtFirstBadByte",
            concat(utf8("name: x\nticks: 3\nseed: "), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}),
            3,
            7,
            "",
            "the byte 0xFF, which is not UTF-8 text",
            List.of("a UTF-8 YAML file")));
    cases.add(
        new Case(
            "binary_controlCharacters_refused",
            utf8("name: x\nticks: 3\nseed: \u0000\u0001\u0002\n"),
            3,
            7,
            "",
            "the non-printable character U+0000",
            List.of("YAML text of printable characters")));
    cases.add(
        new Case(
            "duplicateAgentId_humanAndModel_expectsUniqueId",
            utf8(VALID.replace("  - id: lab-replace", "  - id: people")),
            21,
            9,
            "models[0].id",
            "'people'",
            List.of("an agent id not used by another human source or model")));
    cases.add(
        new Case(
            "fileNotFound_namesFile",
            null,
            0,
            0,
            "",
            "no such file",
            List.of("the path of a scenario YAML file")));
    cases.add(
        new Case(
            "aliasBomb_refusedAtFirstAlias",
            utf8(ALIAS_BOMB),
            2,
            8,
            "b[0]",
            "the YAML alias *a",
            List.of("plain values", "anchors and aliases")));
    // scrape given on line 24 and again on a new line 25.
    cases.add(
        new Case(
            "duplicateKey_inOneMapping_pointsAtSecond",
            utf8(replaceFirst(VALID, "    scrape: 50\n", "    scrape: 50\n    scrape: 60\n")),
            25,
            5,
            "models[0].scrape",
            "the key 'scrape' a second time",
            List.of("each key at most once per mapping (the first 'scrape' is on line 24)")));
    cases.add(
        new Case(
            "unknownSite_model_listsSitesAndSuggests",
            utf8(replaceFirst(VALID, "site: replace-blog", "site: replace-blgo")),
            26,
            11,
            "models[0].site",
            "'replace-blgo'",
            List.of(
                "one of the scenario's sites [forum, fresh-blog, replace-blog]",
                "(did you mean 'replace-blog'?)")));
    cases.add(
        new Case(
            "unknownDomainType_suggestsGaussian",
            utf8(VALID.replace("type: gaussian", "type: gausian")),
            6,
            9,
            "domain.type",
            "'gausian'",
            List.of("a known domain type, one of [", "gaussian", "(did you mean 'gaussian'?)")));
    cases.add(
        new Case(
            "unknownStage_listsStagesAndSuggests",
            utf8(withPipeline("{stage: watermark-filtr, tpr: 0.9}")),
            29,
            17,
            "models[0].pipeline[0].stage",
            "'watermark-filtr'",
            List.of(
                "a known pipeline stage, one of [watermark-filter, ai-detector, provenance,",
                "(did you mean 'watermark-filter'?)")));
    cases.add(
        new Case(
            "bareStageName_asksForAMapping",
            utf8(withPipeline("dedup")),
            29,
            9,
            "models[0].pipeline[0]",
            "the text 'dedup'",
            List.of("a mapping such as {stage: dedup}")));
    cases.add(
        new Case(
            "bareUnknownStageName_listsStagesAndSuggests",
            utf8(withPipeline("dedupe")),
            29,
            9,
            "models[0].pipeline[0]",
            "the text 'dedupe'",
            List.of(
                "a mapping with the key 'stage', one of [watermark-filter,",
                "(did you mean 'dedup'?)")));
    cases.add(
        new Case(
            "bareDomainType_asksForAMapping",
            utf8(
                VALID.replace(
                    "domain:\n  type: gaussian\n  dimensions: 1\n  mean: [0.0]\n  variance: [1.0]\n",
                    "domain: gaussian\n")),
            5,
            9,
            "domain",
            "the text 'gaussian'",
            List.of("a mapping such as {type: gaussian}")));
    cases.add(
        new Case(
            "weightingWithoutWeights_asksForAtLeastOne",
            utf8(withPipeline("{stage: weighting}")),
            29,
            9,
            "models[0].pipeline[0]",
            "no weights",
            List.of(
                "either 'real-share', or at least one of 'real-weight' and 'synthetic-weight'"
                    + " (the other then 1)")));
    cases.add(
        new Case(
            "stageRateOutOfRange_namesStageKey",
            utf8(withPipeline("{stage: watermark-filter, tpr: 1.5}")),
            29,
            40,
            "models[0].pipeline[0].tpr",
            "1.5",
            List.of("a probability in [0, 1]")));
    cases.add(
        new Case(
            "detectorFamily_unknown_listsFamilies",
            utf8(withPipeline("{stage: ai-detector, tpr: 0.9, family-tpr: {labz: 0.1}}")),
            29,
            59,
            "models[0].pipeline[0].family-tpr.labz",
            "'labz'",
            List.of("a model family of this scenario, one of [lab-fresh, lab-replace]")));
    cases.add(
        new Case(
            "publishRate_huge_refusedBeforeAllocating",
            utf8(replaceFirst(VALID, "publish-rate: 100", "publish-rate: 2000000000")),
            25,
            19,
            "models[0].publish-rate",
            "2000000000",
            List.of("at most 10000000 items per tick per agent")));
    // Timeline events go on line 37, after 'timeline:' on line 36.
    cases.add(
        new Case(
            "timeline_unknownEventKind_listsEventKeys",
            utf8(withTimeline("{tick: 5, launch: lab-replace}")),
            37,
            15,
            "timeline[0]",
            "unknown key 'launch'",
            List.of("one of [humans, release, retire, set, tick]")));
    cases.add(
        new Case(
            "timeline_releaseLikeUnknownModel_listsModelsAndSuggests",
            utf8(withTimeline("{tick: 5, release: {id: lab-new, like: lab-replaec}}")),
            37,
            44,
            "timeline[0].release.like",
            "'lab-replaec'",
            List.of(
                "the id of a model under 'models' or of an earlier release, one of "
                    + "[lab-fresh, lab-replace]",
                "(did you mean 'lab-replace'?)")));
    cases.add(
        new Case(
            "timeline_eventTickAtTicks_expectsTickInRun",
            utf8(withTimeline("{tick: 200, retire: lab-replace}")),
            37,
            12,
            "timeline[0].tick",
            "200",
            List.of("a tick from 0 to 199 (the run has 200 ticks)")));
    cases.add(
        new Case(
            "timeline_retireUnknownId_listsModelsAndSuggests",
            utf8(withTimeline("{tick: 5, retire: lab-fresch}")),
            37,
            23,
            "timeline[0].retire",
            "'lab-fresch'",
            List.of(
                "the id of a model, one of [lab-fresh, lab-replace]",
                "(did you mean 'lab-fresh'?)")));
    cases.add(
        new Case(
            "timeline_setAfterRetirement_namesRetirementTick",
            utf8(
                withTimeline(
                    "{tick: 5, retire: lab-fresh}",
                    "{tick: 9, set: {agent: lab-fresh, publish-rate: 3}}")),
            38,
            28,
            "timeline[1].set.agent",
            "'lab-fresh'",
            List.of("a model not yet retired ('lab-fresh' is retired at tick 5)")));
    cases.add(
        new Case(
            "timeline_setPathUnknownKey_suggestsKey",
            utf8(
                withTimeline(
                    "{tick: 5, set: {path: 'models[lab-fresh].crawl.sties', value: [forum]}}")),
            37,
            27,
            "timeline[0].set.path",
            "unknown key 'sties' in models[lab-fresh].crawl",
            List.of(
                "one of [exponent, policy, sites, weights, window]", "(did you mean 'sites'?)")));
    cases.add(
        new Case(
            "timeline_setPathBadGrammar_saysWhereAndShowsTheShape",
            utf8(withTimeline("{tick: 5, set: {path: 'models[lab-fresh]..crawl', value: 1}}")),
            37,
            27,
            "timeline[0].set.path",
            "'models[lab-fresh]..crawl' ('.' where a key should start, at character 19)",
            List.of("a path models[ID].KEY or humans[ID].publish-rate")));
    cases.add(
        new Case(
            "publishTo_sharesNotSummingToOne_expectsSumOfOne",
            utf8(
                VALID.replace(
                    "    site: forum\n", "    publish-to: {forum: 0.6, fresh-blog: 0.3}\n")),
            19,
            17,
            "humans[0].publish-to",
            "shares summing to 0.9",
            List.of("shares that sum to 1")));
    cases.add(
        new Case(
            "publishTo_unknownSite_listsSites",
            utf8(VALID.replace("    site: forum\n", "    publish-to: {forum: 0.5, blgo: 0.5}\n")),
            19,
            30,
            "humans[0].publish-to.blgo",
            "'blgo'",
            List.of("one of the scenario's sites [forum, fresh-blog, replace-blog]")));
    cases.add(
        new Case(
            "aiShare_ticksNotAscending_expectsLaterTick",
            utf8(VALID + "ai-share:\n  - {site: replace-blog, points: [[0, 0.1], [0, 0.5]]}\n"),
            37,
            46,
            "ai-share[0].points[1][0]",
            "0",
            List.of("a tick after the previous point's 0")));
    cases.addAll(crawlCases());
    return cases;
  }

  /** The valid scenario with a timeline of these events, the first on line 37. */
  private static String withTimeline(String... events) {
    StringBuilder b = new StringBuilder(VALID).append("timeline:\n");
    for (String e : events) {
      b.append("  - ").append(e).append('\n');
    }
    return b.toString();
  }

  /** Bad crawl policies and bad static-graph input, on the first model's crawl (line 27). */
  private static List<Case> crawlCases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "crawlKey_notUsedByPolicy_namesPolicy",
            utf8(withCrawl("crawl: {sites: [replace-blog], window: 3}")),
            27,
            44,
            "models[0].crawl.window",
            "'window', which the crawl policy 'uniform' does not use",
            List.of("only [sites] beside 'policy'")));
    cases.add(
        new Case(
            "crawlSiteMix_noWeights_namesRequiredKey",
            utf8(withCrawl("crawl: {policy: site-mix, sites: [replace-blog]}")),
            27,
            12,
            "models[0].crawl.weights",
            "nothing",
            List.of(
                "the required key 'weights' of the crawl policy 'site-mix'",
                "the 1 listed in 'sites'")));
    cases.add(
        new Case(
            "crawlSiteMix_weightPerSite_countsSites",
            utf8(withCrawl("crawl: {policy: site-mix, weights: [1.0, 2.0]}")),
            27,
            40,
            "models[0].crawl.weights",
            "2 weights",
            List.of("one weight per visited site, the scenario's 3")));
    cases.add(
        new Case(
            "crawlSites_listedTwice_expectsNewSite",
            utf8(withCrawl("crawl: {sites: [replace-blog, replace-blog]}")),
            27,
            35,
            "models[0].crawl.sites[1]",
            "'replace-blog'",
            List.of("a site not listed before in 'sites'")));
    cases.add(
        new Case(
            "crawlRecent_windowZero_expectsAtLeastOne",
            utf8(withCrawl("crawl: {policy: recent, window: 0}")),
            27,
            37,
            "models[0].crawl.window",
            "0",
            List.of("a number of ticks of at least 1")));
    cases.add(
        new Case(
            "crawlPolicy_unknown_suggestsRecent",
            utf8(withCrawl("crawl: {policy: recnt}")),
            27,
            21,
            "models[0].crawl.policy",
            "'recnt'",
            List.of(
                "a known crawl policy, one of [exclude-own, popular, recent, site-mix, uniform]",
                "(did you mean 'recent'?)")));
    cases.add(
        new Case(
            "crawlPolicy_sources_pointsAtTrainsOn",
            utf8(withCrawl("crawl: {policy: sources}")),
            27,
            21,
            "models[0].crawl.policy",
            "'sources'",
            List.of("a known crawl policy", "set by the model's 'trains-on' list")));
    cases.add(
        new Case(
            "trainsOn_unknownSource_listsAgentsAndSuggests",
            utf8(withCrawl("trains-on: [{source: lab-fersh}]")),
            27,
            26,
            "models[0].trains-on[0].source",
            "'lab-fersh'",
            List.of(
                "the id of a human source or model of this scenario, one of [people, "
                    + "lab-replace, lab-fresh]",
                "(did you mean 'lab-fresh'?)")));
    cases.add(
        new Case(
            "trainsOn_withCrawl_asksForOne",
            utf8(withCrawl("crawl: {sites: [replace-blog]}\n    trains-on: [{source: people}]")),
            28,
            16,
            "models[0].trains-on",
            "'trains-on' together with 'crawl'",
            List.of("one of them")));
    cases.add(
        new Case(
            "trainsOn_withFreshHumanFraction_suggestsHumanShare",
            utf8(VALID.replace("crawl: {sites: [fresh-blog]}", "trains-on: [{source: people}]")),
            35,
            16,
            "models[1].trains-on",
            "'trains-on' together with 'fresh-human-fraction'",
            List.of("'human-share'")));
    // QA, stop 33: a timeline could give a trains-on model what its entry may not, and the
    // engine ignored it without a word.
    String trainsOn = withCrawl("trains-on: [{source: people}]") + "timeline:\n  - ";
    cases.add(
        new Case(
            "trainsOn_setCrawlByTimeline_asksForOne",
            utf8(
                trainsOn
                    + "{tick: 1, set: {path: 'models[lab-replace].crawl', value: {policy: uniform}}}\n"),
            37,
            63,
            "timeline[0].set.value",
            "'trains-on' together with 'crawl'",
            List.of("one of them")));
    cases.add(
        new Case(
            "trainsOn_releaseLikeItWithCrawl_refused",
            utf8(
                trainsOn
                    + "{tick: 1, release: {id: lab-2, like: lab-replace, crawl: {policy: uniform}}}\n"),
            37,
            62,
            "timeline[0].release.crawl",
            "'crawl' in a release like 'lab-replace', which has 'trains-on'",
            List.of("a release like a model that crawls the web")));
    cases.add(
        new Case(
            "trainsOn_weightsSumToZero_expectsPositiveWeight",
            utf8(withCrawl("trains-on: [{source: people, weight: 0.0}]")),
            27,
            16,
            "models[0].trains-on",
            "weights that sum to 0",
            List.of("at least one weight above 0")));
    cases.add(
        new Case(
            "trainsOn_negativeWeight_expectsAtLeastZero",
            utf8(withCrawl("trains-on: [{source: people, weight: -1.0}]")),
            27,
            42,
            "models[0].trains-on[0].weight",
            "-1.0",
            List.of("a weight of at least 0")));
    cases.add(
        new Case(
            "trainsOn_duplicateSource_expectsNewSource",
            utf8(withCrawl("trains-on: [{source: people}, {source: people}]")),
            27,
            44,
            "models[0].trains-on[1].source",
            "'people'",
            List.of("a source not listed before")));
    cases.add(
        new Case(
            "humanShare_withoutTrainsOn_suggestsFreshHumanFraction",
            utf8(withCrawl("crawl: {sites: [replace-blog]}\n    human-share: 0.1")),
            28,
            18,
            "models[0].human-share",
            "'human-share' without 'trains-on'",
            List.of("'trains-on' beside it", "'fresh-human-fraction'")));
    return cases;
  }

  /** The valid scenario with its first model's crawl line (line 27) replaced. */
  private static String withCrawl(String replacement) {
    return replaceFirst(VALID, "crawl: {sites: [replace-blog]}", replacement);
  }

  /** The valid scenario with a one-stage pipeline on its first model, on line 29. */
  private static String withPipeline(String stage) {
    return replaceFirst(
        VALID,
        "crawl: {sites: [replace-blog]}",
        "crawl: {sites: [replace-blog]}\n    pipeline:\n      - " + stage);
  }

  /** The outcome of one command line. */
  private record Result(int code, String out, String err) {}

  /** Runs the command line in-process. */
  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  /** Writes a file under the temporary directory. */
  private Path write(String name, String text) {
    try {
      return Files.writeString(tmp.resolve(name), text);
    } catch (IOException e) {
      throw new AssertionError("cannot write " + name, e);
    }
  }

  /** The text with its first occurrence of {@code from} replaced. */
  private static String replaceFirst(String text, String from, String to) {
    int i = text.indexOf(from);
    assertTrue(i >= 0, () -> "no '" + from + "' in the base scenario");
    return text.substring(0, i) + to + text.substring(i + from.length());
  }

  /** UTF-8 bytes of a text. */
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Two byte arrays, one after the other. */
  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
