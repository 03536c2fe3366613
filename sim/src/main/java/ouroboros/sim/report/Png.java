package ouroboros.sim.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for the report's charts (opaque {@code TYPE_INT_RGB} images), writing the bytes
 * that the JDK's ImageIO PNG writer writes with its default settings, without its per-pixel raster
 * calls: the signature, an IHDR chunk (8-bit truecolour, no interlace), the rows each with filter
 * type 0 (None: the JDK writer filters only palette images) deflated at level 4 into IDAT chunks of
 * 32,768 bytes (the last one shorter), and IEND. The PNG format is the W3C's Portable Network
 * Graphics specification (second edition, 2003); {@code ChartImageTest} checks the bytes against
 * {@code ImageIO.write}. Why not ImageIO itself: in the report of 1,000 models its writer's per-row
 * raster copies ({@code encodePass}, {@code getPixels}, {@code getElem}) were about 130 of the main
 * thread's samples (JFR, 1 ms), more than the deflating; the bytes are the same.
 */
final class Png {
  /** The deflate level of the JDK's PNG writer when no compression is asked for. */
  static final int LEVEL = 4;

  /** The data bytes of an IDAT chunk, but the last. */
  static final int IDAT_LENGTH = 32_768;

  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private Png() {}

  /** The PNG bytes of {@code img}, which must be {@code TYPE_INT_RGB}. */
  static byte[] encode(BufferedImage img) {
    if (img.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException(
          "image type is not TYPE_INT_RGB (" + BufferedImage.TYPE_INT_RGB + "): " + img.getType());
    }
    int w = img.getWidth();
    int h = img.getHeight();
    WritableRaster raster = img.getRaster();
    DataBufferInt data = (DataBufferInt) raster.getDataBuffer();
    int[] pixels = data.getData();
    int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
    // Pixel (0, 0) in the data: a sub-image's raster is its parent's, translated.
    int origin =
        data.getOffset()
            - raster.getSampleModelTranslateY() * stride
            - raster.getSampleModelTranslateX();
    ByteArrayOutputStream out = new ByteArrayOutputStream(w * h / 4 + 1024);
    out.writeBytes(SIGNATURE);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, w);
    putInt(ihdr, 4, h);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type: truecolour; compression, filter and interlace methods 0
    chunk(out, "IHDR", ihdr, 13);
    Deflater deflater = new Deflater(LEVEL);
    try {
      byte[] row = new byte[1 + 3 * w];
      byte[] idat = new byte[IDAT_LENGTH];
      int filled = 0;
      for (int y = 0; y <= h; y++) {
        if (y < h) {
          int at = origin + y * stride;
          for (int x = 0, k = 1; x < w; x++) {
            int p = pixels[at + x];
            row[k++] = (byte) (p >> 16);
            row[k++] = (byte) (p >> 8);
            row[k++] = (byte) p;
          }
          deflater.setInput(row);
        } else {
          deflater.finish();
        }
        while (y < h ? !deflater.needsInput() : !deflater.finished()) {
          if (filled == IDAT_LENGTH) {
            // A full chunk is written when more bytes come: the last chunk is never empty.
            chunk(out, "IDAT", idat, filled);
            filled = 0;
          }
          filled += deflater.deflate(idat, filled, IDAT_LENGTH - filled);
        }
      }
      chunk(out, "IDAT", idat, filled);
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  /** Writes a chunk: length, type, the first {@code length} bytes of {@code data}, CRC. */
  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] head = new byte[8];
    putInt(head, 0, length);
    for (int i = 0; i < 4; i++) {
      head[4 + i] = (byte) type.charAt(i);
    }
    CRC32 crc = new CRC32();
    crc.update(head, 4, 4);
    crc.update(data, 0, length);
    out.write(head, 0, 8);
    out.write(data, 0, length);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.write(tail, 0, 4);
  }

  /** Big-endian {@code v} at {@code b[at..at+3]}. */
  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
