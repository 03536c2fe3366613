package ouroboros.agents.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One provenance column of {@link Items} holding bytes: an array with one entry per item, or, when
 * the column is constant, one value for every item. The array of a constant column is built on the
 * first call of {@link #array} and kept; {@link #at} never builds it.
 */
final class ByteColumn {
  private final byte[] array;
  private final byte value;
  private volatile byte[] built;

  private ByteColumn(byte[] array, byte value) {
    this.array = array;
    this.value = value;
  }

  /**
   * A column held as {@code array}, checked to have {@code n} entries; {@code name} names the
   * column in the messages.
   */
  static ByteColumn given(String name, byte[] array, int n) {
    Objects.requireNonNull(array, name);
    if (array.length != n) {
      throw new IllegalArgumentException(name + " has " + array.length + " entries, expected " + n);
    }
    return new ByteColumn(array, (byte) 0);
  }

  /** A constant column: {@code value} for every item. */
  static ByteColumn constant(byte value) {
    return new ByteColumn(null, value);
  }

  /** Whether the column is held as one value (no array of its own). */
  boolean constant() {
    return array == null;
  }

  /** Item i's value. */
  byte at(int i) {
    return array == null ? value : array[i];
  }

  /** One value per item of {@code n}: the given array, or the constant's, built once. */
  byte[] array(int n) {
    if (array != null) {
      return array;
    }
    byte[] a = built;
    if (a == null) {
      a = new byte[n];
      Arrays.fill(a, value);
      built = a;
    }
    return a;
  }

  /** Bytes of the array this column holds for {@code n} items (none when constant). */
  long bytes(long n) {
    return array == null ? 0 : 1 * n;
  }

  /** The entries at the given positions, in that order. */
  ByteColumn select(int[] positions) {
    byte[] a = new byte[positions.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = at(positions[i]);
    }
    return new ByteColumn(a, (byte) 0);
  }

  /**
   * The {@code column} of every block, one after another ({@code n} items in all). It stays
   * constant when it is constant with the same value as {@code first}'s in every block.
   */
  static ByteColumn concat(
      List<Items> blocks, Function<Items, ByteColumn> column, ByteColumn first, int n) {
    boolean same = true;
    for (Items b : blocks) {
      same &= column.apply(b).sameConstant(first);
    }
    if (same) {
      return constant(first.value);
    }
    byte[] a = new byte[n];
    int at = 0;
    for (Items b : blocks) {
      int m = b.size();
      ByteColumn c = column.apply(b);
      if (c.array == null) {
        Arrays.fill(a, at, at + m, c.value);
      } else {
        System.arraycopy(c.array, 0, a, at, m);
      }
      at += m;
    }
    return new ByteColumn(a, first.value);
  }

  /** Whether both columns are constant with the same value. */
  private boolean sameConstant(ByteColumn o) {
    return array == null && o.array == null && value == o.value;
  }
}
