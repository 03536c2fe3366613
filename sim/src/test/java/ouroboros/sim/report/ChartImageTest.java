package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartImage#png}, which encodes through a stream cached in memory, writes the same bytes as
 * {@code ImageIO.write(img, "png", out)}, which caches in a temporary file.
 */
class ChartImageTest {
  @Test
  void png_sameBytesAsImageIoWrite() throws IOException {
    System.setProperty("java.awt.headless", "true");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(120, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    Charts.lines(
            "t",
            "",
            "tick",
            "risk",
            List.of(
                new Charts.Line(
                    "a", new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 5}, null, null)))
        .draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 120, 80));
    g.dispose();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ImageIO.write(img, "png", expected);
    assertArrayEquals(expected.toByteArray(), ChartImage.png(img));
  }
}
