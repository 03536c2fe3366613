package ouroboros.agents.data;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import ouroboros.agents.state.StateIo;

/**
 * Writes {@link Items} to a checkpoint and reads them back (docs/checkpoints.md): the payload's
 * size and width and its values, then each provenance column in {@link Items.Column} order, as a
 * constant (a 0 byte and the value) or as an array (a 1 byte and the array), so that a constant
 * column stays constant after a resume and costs nothing per item.
 */
public final class ItemsCodec {
  private ItemsCodec() {}

  /** Writes items. */
  public static void write(DataOutput out, Items items) throws IOException {
    Batch b = items.payload();
    out.writeInt(b.size());
    out.writeInt(b.width());
    StateIo.doubles(out, b.values());
    boolean any = b.size() > 0;
    column(out, items.constant(Items.Column.AUTHOR));
    if (items.constant(Items.Column.AUTHOR)) {
      out.writeInt(any ? items.authorAt(0) : 0);
    } else {
      StateIo.ints(out, items.author());
    }
    column(out, items.constant(Items.Column.KIND));
    if (items.constant(Items.Column.KIND)) {
      out.writeByte(any ? items.kindAt(0) : 0);
    } else {
      StateIo.bytes(out, items.kind());
    }
    column(out, items.constant(Items.Column.TICK));
    if (items.constant(Items.Column.TICK)) {
      out.writeInt(any ? items.tickAt(0) : 0);
    } else {
      StateIo.ints(out, items.tick());
    }
    column(out, items.constant(Items.Column.GENERATION));
    if (items.constant(Items.Column.GENERATION)) {
      out.writeInt(any ? items.generationAt(0) : 0);
    } else {
      StateIo.ints(out, items.generation());
    }
    column(out, items.constant(Items.Column.DEPTH));
    if (items.constant(Items.Column.DEPTH)) {
      out.writeFloat(any ? items.depthAt(0) : 0f);
    } else {
      StateIo.floats(out, items.depth());
    }
    column(out, items.constant(Items.Column.FLAGS));
    if (items.constant(Items.Column.FLAGS)) {
      out.writeByte(any ? items.flagsAt(0) : 0);
    } else {
      StateIo.bytes(out, items.flags());
    }
    column(out, items.constant(Items.Column.SITE));
    if (items.constant(Items.Column.SITE)) {
      out.writeShort(any ? items.siteAt(0) : 0);
    } else {
      StateIo.shorts(out, items.site());
    }
  }

  /** Reads items that {@link #write} wrote. */
  public static Items read(DataInput in) throws IOException {
    int size = in.readInt();
    int width = in.readInt();
    double[] values = StateIo.doubles(in);
    Batch payload;
    try {
      payload = new Batch(size, width, values == null ? new double[0] : values);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt checkpoint: items: " + e.getMessage());
    }
    try {
      IntColumn author =
          constant(in)
              ? IntColumn.constant(in.readInt())
              : IntColumn.given("author", StateIo.ints(in), size);
      ByteColumn kind =
          constant(in)
              ? ByteColumn.constant(in.readByte())
              : ByteColumn.given("kind", StateIo.bytes(in), size);
      IntColumn tick =
          constant(in)
              ? IntColumn.constant(in.readInt())
              : IntColumn.given("tick", StateIo.ints(in), size);
      IntColumn generation =
          constant(in)
              ? IntColumn.constant(in.readInt())
              : IntColumn.given("generation", StateIo.ints(in), size);
      FloatColumn depth =
          constant(in)
              ? FloatColumn.constant(in.readFloat())
              : FloatColumn.given("depth", StateIo.floats(in), size);
      ByteColumn flags =
          constant(in)
              ? ByteColumn.constant(in.readByte())
              : ByteColumn.given("flags", StateIo.bytes(in), size);
      ShortColumn site =
          constant(in)
              ? ShortColumn.constant(in.readShort())
              : ShortColumn.given("site", StateIo.shorts(in), size);
      return new Items(payload, author, kind, tick, generation, depth, flags, site);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("corrupt checkpoint: items: " + e.getMessage());
    }
  }

  /** Writes whether a column is constant. */
  private static void column(DataOutput out, boolean constant) throws IOException {
    out.writeByte(constant ? 0 : 1);
  }

  /** Reads whether a column is constant. */
  private static boolean constant(DataInput in) throws IOException {
    byte b = in.readByte();
    if (b != 0 && b != 1) {
      throw new IOException("corrupt checkpoint: a column marker of " + b);
    }
    return b == 0;
  }
}
