package ouroboros.sim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartImage#png} (the report's own encoder, {@link Png}) writes the same bytes as {@code
 * ImageIO.write(img, "png", out)}.
 */
class ChartImageTest {
  @Test
  void png_chart_sameBytesAsImageIoWrite() throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
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
    assertArrayEquals(imageIo(img), ChartImage.png(img));
  }

  /** Noise does not compress: its deflated rows span several IDAT chunks. */
  @Test
  void png_noiseOverSeveralChunks_sameBytesAsImageIoWrite() throws IOException {
    BufferedImage img = new BufferedImage(301, 97, BufferedImage.TYPE_INT_RGB);
    SplittableRandom r = new SplittableRandom(7);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, x < 150 ? r.nextInt() : 0xFF000000 | (x * y));
      }
    }
    byte[] expected = imageIo(img);
    assertArrayEquals(expected, Png.encode(img));
  }

  /** A sub-image shares its parent's pixels, with rows as long as the parent's. */
  @Test
  void png_subImage_sameBytesAsImageIoWrite() throws IOException {
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    SplittableRandom r = new SplittableRandom(3);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        img.setRGB(x, y, r.nextInt(4) * 0x3F3F3F);
      }
    }
    BufferedImage sub = img.getSubimage(5, 4, 21, 13);
    assertArrayEquals(imageIo(sub), Png.encode(sub));
  }

  private static byte[] imageIo(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
