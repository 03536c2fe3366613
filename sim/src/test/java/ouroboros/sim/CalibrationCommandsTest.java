package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * The calibration scripts (sim/src/test/resources/calibration/*.py) that the README and docs/ cite
 * as commands, such as {@code papers_cdf_reference.py 200 check}: each argument fits the script's
 * own usage line ({@code Usage: python3 NAME.py [seeds [test|authors|check]]}). A named argument
 * (seeds, N, K, M, trials) is a whole number, any other word (authors, test|authors|check) one of
 * its literal words, and an option (--init) takes the choice that follows it in the usage, so that
 * the command runs as written instead of failing on int("check").
 */
class CalibrationCommandsTest {
  private static final Path CALIBRATION = Path.of("sim/src/test/resources/calibration");
  private static final Pattern CITED = Pattern.compile("`(?:[\\w./-]*/)?(\\w+\\.py)((?: [^`]+)?)`");

  /** The usage words that stand for a whole number; any other word is literal. */
  private static final Set<String> NUMBERS = Set.of("seeds", "N", "K", "M", "trials");

  private final Path root = Repo.root();

  @Test
  void everyCitedCommand_fitsItsScriptsUsage() throws IOException {
    List<String> wrong = new ArrayList<>();
    int withArguments = 0;
    for (Path page : pages()) {
      Matcher m = CITED.matcher(Files.readString(page));
      while (m.find()) {
        Path script = root.resolve(CALIBRATION).resolve(m.group(1));
        if (!Files.exists(script) || m.group(2).isBlank()) {
          continue;
        }
        withArguments++;
        String problem = check(usage(script), m.group(2).strip().split("\\s+"));
        if (problem != null) {
          wrong.add(root.relativize(page) + ": `" + m.group(1) + m.group(2) + "`: " + problem);
        }
      }
    }
    assertTrue(withArguments >= 3, "the pages cite calibration commands: " + withArguments);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /** The README and the pages under docs/. */
  private List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The words of a script's usage after its name, brackets dropped. */
  private static List<String> usage(Path script) throws IOException {
    String name = Pattern.quote(script.getFileName().toString());
    Matcher m =
        Pattern.compile("python3 " + name + "((?: [\\[\\]\\w|-]+)*)")
            .matcher(Files.readString(script));
    assertTrue(m.find(), script + ": found no 'python3 NAME.py ...' usage line");
    String words = m.group(1).replace("[", " ").replace("]", " ").strip();
    return words.isEmpty() ? List.of() : Arrays.asList(words.split("\\s+"));
  }

  /** Why the arguments do not fit the usage, or null when they do. */
  private static String check(List<String> usage, String[] args) {
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < usage.size(); i++) {
      if (usage.get(i).startsWith("--")) {
        i += i + 1 < usage.size() && usage.get(i + 1).contains("|") ? 1 : 0;
      } else {
        positional.add(usage.get(i));
      }
    }
    int p = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        int at = usage.indexOf(a);
        if (at < 0) {
          return "found option " + a + ", expected one of " + usage;
        }
        if (at + 1 < usage.size() && usage.get(at + 1).contains("|")) {
          i++;
          if (i == args.length
              || !Arrays.asList(usage.get(at + 1).split("\\|")).contains(args[i])) {
            return "found " + a + " without one of " + usage.get(at + 1);
          }
        }
        continue;
      }
      if (p == positional.size()) {
        return "found extra argument " + a + ", expected usage " + usage;
      }
      String want = positional.get(p++);
      boolean fits =
          NUMBERS.contains(want) ? a.matches("\\d+") : Arrays.asList(want.split("\\|")).contains(a);
      if (!fits) {
        return "found " + a + " as argument " + p + ", expected " + want + " (usage " + usage + ")";
      }
    }
    return null;
  }

  /** Keeps the checker honest: the old form of the cdf command fails, the documented one fits. */
  @Test
  void check_modeBeforeSeeds_isRejected() throws IOException {
    List<String> cdf = usage(Repo.root().resolve(CALIBRATION).resolve("papers_cdf_reference.py"));
    assertTrue(check(cdf, new String[] {"check"}) != null, "papers_cdf_reference.py check");
    assertTrue(
        check(cdf, new String[] {"200", "check"}) == null, "papers_cdf_reference.py 200 check");
    List<String> gmm = usage(Repo.root().resolve(CALIBRATION).resolve("papers_gmm_reference.py"));
    assertTrue(check(gmm, "500 --init ouroboros".split(" ")) == null, "gmm --init ouroboros");
    assertTrue(check(gmm, "500 --init x".split(" ")) != null, "gmm --init x");
  }
}
