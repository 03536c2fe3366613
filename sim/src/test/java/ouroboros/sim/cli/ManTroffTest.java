package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/**
 * Issue 12: man pages that {@code man} reads. The troff pages under {@code docs/man/man1/} are
 * Asciidoctor's manpage backend applied to the AsciiDoc pages that picocli generates (checked by
 * {@link ManPagesTest}), so they cannot drift from the commands' options. {@code -Dman.update=true}
 * rewrites them.
 */
@Tag("slow")
class ManTroffTest {
  private static final Path ADOC = Repo.root().resolve("docs/man");
  private static final Path TROFF = ADOC.resolve("man1");

  @Test
  void troffPages_areTheAsciiDocPagesConverted_andCurrent() throws Exception {
    TreeMap<String, String> expected = new TreeMap<>();
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create();
        Stream<Path> files = Files.list(ADOC)) {
      Options options =
          Options.builder()
              .backend("manpage")
              .standalone(true)
              .safe(SafeMode.SAFE)
              .attributes(
                  Attributes.builder()
                      // No date or generator time stamp: the pages are the same on every build.
                      .attribute("reproducible", "")
                      .attribute("docdate", "")
                      .attribute("revdate", "")
                      .attribute("mansource", "Ouroboros")
                      .build())
              .build();
      for (Path adoc : files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList()) {
        String name = adoc.getFileName().toString().replaceFirst("\\.adoc$", ".1");
        expected.put(name, asciidoctor.convert(Files.readString(adoc), options));
      }
    }
    assertTrue(expected.containsKey("ouroboros-run.1"), expected.keySet().toString());
    assertTrue(
        expected.get("ouroboros-run.1").contains(".TH \"OUROBOROS\\-RUN\" \"1\""),
        "a troff page: " + expected.get("ouroboros-run.1").lines().limit(12).toList());
    if (Boolean.getBoolean("man.update")) {
      Files.createDirectories(TROFF);
      try (Stream<Path> old = Files.list(TROFF)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (var e : expected.entrySet()) {
        Files.writeString(TROFF.resolve(e.getKey()), e.getValue());
      }
    }
    TreeMap<String, String> checkedIn = new TreeMap<>();
    if (Files.isDirectory(TROFF)) {
      try (Stream<Path> files = Files.list(TROFF)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".1")).toList()) {
          checkedIn.put(p.getFileName().toString(), Files.readString(p));
        }
      }
    }
    assertEquals(
        expected,
        checkedIn,
        "docs/man/man1 is stale: run mvn -pl sim -am test -Dtest=ManTroffTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dman.update=true");
  }
}
