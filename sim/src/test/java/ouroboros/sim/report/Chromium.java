package ouroboros.sim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Opens an HTML file in headless Chromium (Debian's {@code chromium}) twice, each time with a fresh
 * profile and no network services: once with {@code --dump-dom} on a copy that carries a probe
 * script, which writes each chart image's box, whether it decoded, and the page's height into the
 * DOM; once with {@code --screenshot} of the original at the page's full height. Both runs log the
 * page's console to standard error ({@code --enable-logging=stderr}), where every console message
 * and uncaught exception appears as a {@code CONSOLE} line; the report has no script, so any such
 * line is an error.
 */
final class Chromium {
  /** Where Debian installs it. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  /** The window's width, in CSS pixels. */
  static final int WIDTH = 1200;

  private static final Pattern CONSOLE = Pattern.compile("[:\\]]CONSOLE[:(\\]]");
  private static final Pattern PROBE_OUT =
      Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);
  private static final Pattern EMBEDDED =
      Pattern.compile(
          "<img class=\"chart\" id=\"([^\"]+)\"[^>]*?src=\"data:image/png;base64,([^\"]+)\"");
  private static final String PROBE =
      "<script>addEventListener('load', () => {"
          + "const imgs = [...document.querySelectorAll('img.chart')].map(i => {"
          + "const b = i.getBoundingClientRect(); return {id: i.id, x: b.left + scrollX,"
          + " y: b.top + scrollY, w: b.width, h: b.height, ok: i.complete && i.naturalWidth > 0};});"
          + "const p = document.createElement('pre'); p.id = 'probe'; p.textContent ="
          + " JSON.stringify({height: document.documentElement.scrollHeight, images: imgs});"
          + "document.body.appendChild(p);});</script>";

  private Chromium() {}

  /** A chart image's box in the page, in CSS pixels, and whether the browser decoded it. */
  record Box(String id, int x, int y, int w, int h, boolean decoded) {}

  /**
   * What the browser showed.
   *
   * @param console the console lines of both runs
   * @param boxes the chart images, in page order
   * @param screenshot the full-page screenshot
   */
  record Page(List<String> console, List<Box> boxes, BufferedImage screenshot) {}

  /** Opens {@code html}, working in {@code work}, and keeps the screenshot as {@code png}. */
  static Page open(Path html, Path work, Path png) throws Exception {
    Files.createDirectories(work);
    String text = Files.readString(html);
    Path probe = work.resolve("probe.html");
    Files.writeString(probe, text.replace("</body>", PROBE + "</body>"));
    List<String> console = new ArrayList<>();
    // A short window, so that the page's scroll height is the height of its content.
    String dom = chromium(work, "probe", console, "--dump-dom", probe.toUri().toString(), 600);
    Matcher m = PROBE_OUT.matcher(dom);
    if (!m.find()) {
      throw new AssertionError("the probe wrote nothing; the DOM was:\n" + dom);
    }
    JsonNode probed =
        new ObjectMapper()
            .readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    List<Box> boxes = new ArrayList<>();
    for (JsonNode b : probed.path("images")) {
      boxes.add(
          new Box(
              b.path("id").asText(),
              (int) Math.round(b.path("x").asDouble()),
              (int) Math.round(b.path("y").asDouble()),
              (int) Math.round(b.path("w").asDouble()),
              (int) Math.round(b.path("h").asDouble()),
              b.path("ok").asBoolean()));
    }
    int height = Math.max(600, Math.min(20000, probed.path("height").asInt()));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    chromium(
        work,
        "screenshot",
        console,
        "--screenshot=" + png.toAbsolutePath(),
        html.toUri().toString(),
        height);
    BufferedImage shot = ImageIO.read(png.toFile());
    if (shot == null) {
      throw new AssertionError("chromium wrote no screenshot at " + png);
    }
    return new Page(console, boxes, shot);
  }

  /** Runs chromium once; returns its standard output and adds its console lines. */
  private static String chromium(
      Path work, String name, List<String> console, String action, String url, int height)
      throws Exception {
    Path out = work.resolve(name + ".out");
    Path err = work.resolve(name + ".err");
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + work.resolve("profile-" + name).toAbsolutePath(),
                "--window-size=" + WIDTH + "," + height,
                action,
                url)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium " + action + " did not finish in 120 s");
    }
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      if (CONSOLE.matcher(line).find()) {
        console.add(line);
      }
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "chromium " + action + " exited with " + p.exitValue() + ":\n" + Files.readString(err));
    }
    return Files.readString(out);
  }

  /** The PNG charts embedded in a report, by id, decoded. */
  static List<Object[]> embedded(String html) throws IOException {
    List<Object[]> out = new ArrayList<>();
    Matcher m = EMBEDDED.matcher(html);
    while (m.find()) {
      BufferedImage img =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
      out.add(new Object[] {m.group(1), img});
    }
    return out;
  }

  /**
   * Why a region of an image looks blank, or null when it does not: it must hold at least {@code
   * minColours} distinct colours and at least 1% of pixels that are not white.
   */
  static String blankness(BufferedImage img, int x, int y, int w, int h, int minColours) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(img.getWidth(), x + w);
    int y1 = Math.min(img.getHeight(), y + h);
    if (x1 - x0 < w / 2 || y1 - y0 < h / 2) {
      return "mostly outside the image (" + img.getWidth() + " x " + img.getHeight() + ")";
    }
    Set<Integer> colours = new HashSet<>();
    long coloured = 0;
    for (int yy = y0; yy < y1; yy++) {
      for (int xx = x0; xx < x1; xx++) {
        int rgb = img.getRGB(xx, yy) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          coloured++;
        }
      }
    }
    double share = (double) coloured / ((long) (x1 - x0) * (y1 - y0));
    if (colours.size() < minColours || share < 0.01) {
      return colours.size()
          + " distinct colours and "
          + String.format("%.4f", share)
          + " of pixels not white";
    }
    return null;
  }
}
