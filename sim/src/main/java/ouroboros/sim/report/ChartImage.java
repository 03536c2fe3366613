package ouroboros.sim.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;

/**
 * A chart rendered to PNG, to embed in the report as a {@code data:} URI. PNG rather than SVG: a
 * bitmap looks the same in every viewer, whatever fonts it has (JFreeSVG positions text with Java's
 * font metrics, which a browser with other fonts does not match), and it needs no library beyond
 * JFreeChart. Charts are drawn at twice their displayed size, so they stay sharp on high-density
 * screens and when zoomed.
 *
 * @param id the HTML id of the image
 * @param alt its text alternative
 * @param width displayed width, in CSS pixels
 * @param height displayed height, in CSS pixels
 * @param png the PNG bytes
 */
record ChartImage(String id, String alt, int width, int height, byte[] png) {
  /** Pixels per CSS pixel. */
  static final int SCALE = 2;

  /** Renders {@code chart} at {@code width} x {@code height} CSS pixels. */
  static ChartImage render(String id, String alt, JFreeChart chart, int width, int height) {
    return draw(
        id, alt, width, height, g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height)));
  }

  /** Draws with {@code painter} on a white image of {@code width} x {@code height} CSS pixels. */
  static ChartImage draw(
      String id, String alt, int width, int height, Consumer<Graphics2D> painter) {
    BufferedImage img =
        new BufferedImage(SCALE * width, SCALE * height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.scale(SCALE, SCALE);
      painter.accept(g);
    } finally {
      g.dispose();
    }
    return new ChartImage(id, alt, width, height, png(img));
  }

  /**
   * The PNG bytes of {@code img}: what {@code ImageIO.write(img, "png", out)} writes (see {@link
   * Png}).
   */
  static byte[] png(BufferedImage img) {
    return Png.encode(img);
  }

  /** The image as a {@code data:image/png;base64,...} URI. */
  String dataUri() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
