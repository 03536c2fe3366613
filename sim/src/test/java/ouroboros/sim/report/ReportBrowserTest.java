package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report in a browser: a run's and a sweep's report.html open in headless Chromium without a
 * console message, every chart image decodes, and in the screenshot every chart's region is not
 * blank (many colours, not all white). The embedded PNGs are checked the same way straight from the
 * HTML. A deliberately broken page shows that each check can fail. Screenshots are kept in {@code
 * target/report-screenshots/}.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code apt-get install -y --no-install-recommends chromium}).
 * Without it the tests are skipped, unless {@code OUROBOROS_REQUIRE_SERVERS=1} (as in CI), where
 * they fail.
 */
@Tag("slow")
class ReportBrowserTest {
  private static final Path SHOTS = Path.of("target", "report-screenshots");

  @TempDir Path tmp;

  @BeforeAll
  static void needChromium() {
    boolean present = Files.isExecutable(Chromium.BINARY);
    if (!present && "1".equals(System.getenv("OUROBOROS_REQUIRE_SERVERS"))) {
      fail(
          Chromium.BINARY
              + " is missing and OUROBOROS_REQUIRE_SERVERS=1: install it with"
              + " apt-get install -y --no-install-recommends chromium");
    }
    assumeTrue(
        present,
        Chromium.BINARY
            + " is missing, so the browser tests are skipped;"
            + " install it with: apt-get install -y --no-install-recommends chromium");
  }

  @Test
  void runReport_inChromium_noConsoleErrorsAndEveryChartDrawn() throws Exception {
    Path run = ReportFixtures.quickstart(tmp.resolve("run"));
    // Risk, risk ratio, diversity, definitions 4, 7 and 8, the web, and the graph.
    check(run.resolve(ReportWriter.FILE), "run", 8);
  }

  @Test
  void sweepReport_inChromium_noConsoleErrorsAndEveryChartDrawn() throws Exception {
    Path sweep = ReportFixtures.sweep2d(tmp.resolve("sweep"));
    check(ReportWriter.write(sweep, ReportOptions.defaults()), "sweep", 6);
  }

  @Test
  void threePathSweepReport_inChromium_everyFacetDrawn() throws Exception {
    Path sweep = ReportFixtures.sweep3d(tmp.resolve("sweep-3d"));
    check(ReportWriter.write(sweep, ReportOptions.defaults()), "sweep-3d", 2);
  }

  @Test
  void checks_brokenPage_fail() throws Exception {
    BufferedImage white = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        white.setRGB(x, y, 0xFFFFFF);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(white, "png", png);
    Path page = tmp.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><h1>broken</h1>"
            + "<img class=\"chart\" id=\"blank\" width=\"300\" height=\"200\" alt=\"\" "
            + "src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(png.toByteArray())
            + "\"><img class=\"chart\" id=\"corrupt\" width=\"300\" height=\"200\" alt=\"\" "
            + "src=\"data:image/png;base64,AAAA\"><script>console.error('boom');</script>"
            + "</body></html>");
    Chromium.Page p = Chromium.open(page, tmp.resolve("work"), SHOTS.resolve("broken.png"));
    assertEquals(2, p.console().size(), "one per run: " + String.join("\n", p.console()));
    assertTrue(p.console().stream().allMatch(l -> l.contains("\"boom\"")), p.console().get(0));
    assertEquals(List.of("blank", "corrupt"), p.boxes().stream().map(Chromium.Box::id).toList());
    assertTrue(p.boxes().get(0).decoded());
    assertFalse(p.boxes().get(1).decoded(), "a corrupt image does not decode");
    Chromium.Box blank = p.boxes().get(0);
    assertNotNull(
        Chromium.blankness(p.screenshot(), blank.x(), blank.y(), blank.w(), blank.h(), 16),
        "a white image is blank in the screenshot");
    assertNotNull(Chromium.blankness(white, 0, 0, 300, 200, 16));
  }

  /** Opens a report and checks it; {@code charts} is the number of charts it must have. */
  private void check(Path report, String name, int charts) throws Exception {
    String html = Files.readString(report);
    List<Object[]> embedded = Chromium.embedded(html);
    assertEquals(charts, embedded.size(), "embedded charts");
    for (Object[] e : embedded) {
      BufferedImage img = (BufferedImage) e[1];
      assertNotNull(img, e[0] + " decodes");
      assertNull(
          Chromium.blankness(img, 0, 0, img.getWidth(), img.getHeight(), 64),
          e[0] + " is not blank");
    }
    Chromium.Page page =
        Chromium.open(report, tmp.resolve("work-" + name), SHOTS.resolve(name + ".png"));
    assertEquals(List.of(), page.console(), "console messages");
    assertEquals(charts, page.boxes().size(), "chart images in the page");
    List<String> problems = new ArrayList<>();
    for (Chromium.Box b : page.boxes()) {
      if (!b.decoded()) {
        problems.add(b.id() + " did not decode");
      } else if (b.w() < 200 || b.h() < 100) {
        problems.add(b.id() + " is only " + b.w() + " x " + b.h());
      } else {
        String why = Chromium.blankness(page.screenshot(), b.x(), b.y(), b.w(), b.h(), 64);
        if (why != null) {
          problems.add(b.id() + " looks blank in the screenshot: " + why);
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
