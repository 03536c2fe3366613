package ouroboros.agents.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes the primitive arrays of a checkpoint (docs/checkpoints.md): each array is its
 * length (an int, -1 for null) followed by its elements, big-endian, as {@link DataOutput} writes
 * them. A length read back from a {@link java.io.DataInputStream} is checked against what is left
 * to read, so that a corrupt length fails with a message instead of allocating gigabytes.
 */
public final class StateIo {
  /** The largest array a checkpoint may hold, in elements. */
  static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

  private StateIo() {}

  /** Writes a double array, or null. */
  public static void doubles(DataOutput out, double[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (double v : a) {
        out.writeDouble(v);
      }
    }
  }

  /** Reads a double array, or null. */
  public static double[] doubles(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }

  /** Writes a double matrix (rows may differ in length), or null. */
  public static void matrix(DataOutput out, double[][] m) throws IOException {
    out.writeInt(m == null ? -1 : m.length);
    if (m != null) {
      for (double[] row : m) {
        doubles(out, row);
      }
    }
  }

  /** Reads a double matrix, or null. */
  public static double[][] matrix(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = doubles(in);
    }
    return m;
  }

  /** Writes an int array, or null. */
  public static void ints(DataOutput out, int[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (int v : a) {
        out.writeInt(v);
      }
    }
  }

  /** Reads an int array, or null. */
  public static int[] ints(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  /** Writes a long array, or null. */
  public static void longs(DataOutput out, long[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (long v : a) {
        out.writeLong(v);
      }
    }
  }

  /** Reads a long array, or null. */
  public static long[] longs(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readLong();
    }
    return a;
  }

  /** Writes a float array, or null. */
  public static void floats(DataOutput out, float[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (float v : a) {
        out.writeFloat(v);
      }
    }
  }

  /** Reads a float array, or null. */
  public static float[] floats(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readFloat();
    }
    return a;
  }

  /** Writes a short array, or null. */
  public static void shorts(DataOutput out, short[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (short v : a) {
        out.writeShort(v);
      }
    }
  }

  /** Reads a short array, or null. */
  public static short[] shorts(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    short[] a = new short[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readShort();
    }
    return a;
  }

  /** Writes a byte array, or null. */
  public static void bytes(DataOutput out, byte[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      out.write(a);
    }
  }

  /** Reads a byte array, or null. */
  public static byte[] bytes(DataInput in) throws IOException {
    int n = length(in);
    if (n < 0) {
      return null;
    }
    byte[] a = new byte[n];
    in.readFully(a);
    return a;
  }

  /** Writes a string map with double values (an evaluation's measures), in key order. */
  public static void measures(DataOutput out, Map<String, Double> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, Double> e : new TreeMap<>(m).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  /** Reads a string map with double values. */
  public static SortedMap<String, Double> measures(DataInput in) throws IOException {
    int n = length(in);
    SortedMap<String, Double> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readDouble());
    }
    return m;
  }

  /** Reads a length: -1 (null) or a non-negative count; anything else is corruption. */
  public static int length(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < -1
        || n > MAX_LENGTH
        || (in instanceof java.io.DataInputStream s && n > s.available())) {
      throw new IOException("corrupt checkpoint: an array length of " + n);
    }
    return n;
  }

  /** Reads a value that must equal what this run expects, or fails naming it. */
  public static void expect(DataInput in, String what, int expected) throws IOException {
    int found = in.readInt();
    if (found != expected) {
      throw new IOException(
          "checkpoint does not match this run: "
              + what
              + " is "
              + found
              + ", expected "
              + expected);
    }
  }
}
