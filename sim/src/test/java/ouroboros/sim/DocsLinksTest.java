package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * The README and the pages under docs/: the README stays short and gives the two commands, every
 * relative link and image resolves to a file of the repository (and, for a link into a Markdown
 * page, to one of its headings), and every page is listed in docs/index.md.
 */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");
  private static final int README_MAX_LINES = 200;

  private final Path root = Repo.root();

  @Test
  void readme_isShort_andGivesTheTwoCommands() throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("README.md"));
    assertTrue(
        lines.size() < README_MAX_LINES,
        "README.md has " + lines.size() + " lines; move reference material to docs/");
    assertTrue(lines.contains("./ouroboros run scenarios/quickstart.yaml"), "the quickstart");
    // The test command is the one CI runs.
    List<String> ci =
        Files.readAllLines(root.resolve(".ci/run")).stream()
            .filter(l -> l.startsWith("mvn "))
            .collect(Collectors.toList());
    assertEquals(List.of("mvn -B -ntp verify"), ci, ".ci/run's Maven command");
    assertTrue(lines.contains(ci.get(0)), "README.md gives the test command .ci/run calls");
  }

  @Test
  void everyRelativeLinkAndImage_resolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      for (String target : links(Files.readString(page))) {
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(root.relativize(page) + ": " + target + " (no such file)");
        } else if (hash >= 0 && resolved.toString().endsWith(".md")) {
          String anchor = target.substring(hash + 1);
          if (!anchors(Files.readString(resolved)).contains(anchor)) {
            broken.add(root.relativize(page) + ": " + target + " (no such heading)");
          }
        }
      }
    }
    assertTrue(checked > 50, "the pages have relative links: " + checked);
    assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
  }

  @Test
  void everyDocsPage_isListedInTheIndex() throws IOException {
    Path docs = root.resolve("docs");
    Set<String> listed = new HashSet<>(links(Files.readString(docs.resolve("index.md"))));
    for (Path page : pages()) {
      String rel = docs.relativize(page).toString().replace('\\', '/');
      if (page.startsWith(docs) && !rel.equals("index.md")) {
        assertTrue(listed.contains(rel), "docs/index.md does not list " + rel);
      }
    }
  }

  @Test
  void anchors_followGitHubsRule() {
    Set<String> a =
        anchors("# Top\n## Gaussian (`type: gaussian`)\n```\n## not a heading\n```\n## Top\n");
    assertEquals(Set.of("top", "gaussian-type-gaussian", "top-1"), a);
    assertEquals(List.of("b.md#c", "d.png"), links("[a `x`](b.md#c) `[no](e.md)` ![i](d.png)"));
  }

  /** README.md and every Markdown page under docs/. */
  private List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The targets of the links and images of a page, outside code blocks and code spans. */
  static List<String> links(String text) {
    List<String> targets = new ArrayList<>();
    for (String line : prose(text)) {
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  /** The anchors GitHub gives a page's headings: lowercase, punctuation dropped, spaces to '-'. */
  static Set<String> anchors(String text) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(text)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String slug =
            m.group(1)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\- _]", "")
                .replace(' ', '-');
        int n = seen.merge(slug, 1, Integer::sum);
        anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return anchors;
  }

  /** The lines of a page outside fenced code blocks. */
  private static List<String> prose(String text) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }
}
