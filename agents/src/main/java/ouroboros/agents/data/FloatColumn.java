package ouroboros.agents.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One provenance column of {@link Items} holding floats: an array with one entry per item, or, when
 * the column is constant, one value for every item. The array of a constant column is built on the
 * first call of {@link #array} and kept; {@link #at} never builds it.
 */
final class FloatColumn {
  private final float[] array;
  private final float value;
  private volatile float[] built;

  private FloatColumn(float[] array, float value) {
    this.array = array;
    this.value = value;
  }

  /**
   * A column held as {@code array}, checked to have {@code n} entries; {@code name} names the
   * column in the messages.
   */
  static FloatColumn given(String name, float[] array, int n) {
    Objects.requireNonNull(array, name);
    if (array.length != n) {
      throw new IllegalArgumentException(name + " has " + array.length + " entries, expected " + n);
    }
    return new FloatColumn(array, (float) 0);
  }

  /** A constant column: {@code value} for every item. */
  static FloatColumn constant(float value) {
    return new FloatColumn(null, value);
  }

  /** Whether the column is held as one value (no array of its own). */
  boolean constant() {
    return array == null;
  }

  /** Item i's value. */
  float at(int i) {
    return array == null ? value : array[i];
  }

  /** One value per item of {@code n}: the given array, or the constant's, built once. */
  float[] array(int n) {
    if (array != null) {
      return array;
    }
    float[] a = built;
    if (a == null) {
      a = new float[n];
      Arrays.fill(a, value);
      built = a;
    }
    return a;
  }

  /** Bytes of the array this column holds for {@code n} items (none when constant). */
  long bytes(long n) {
    return array == null ? 0 : 4 * n;
  }

  /** The entries at the given positions, in that order. */
  FloatColumn select(int[] positions) {
    float[] a = new float[positions.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = at(positions[i]);
    }
    return new FloatColumn(a, (float) 0);
  }

  /**
   * The {@code column} of every block, one after another ({@code n} items in all). It stays
   * constant when it is constant with the same value as {@code first}'s in every block.
   */
  static FloatColumn concat(
      List<Items> blocks, Function<Items, FloatColumn> column, FloatColumn first, int n) {
    boolean same = true;
    for (Items b : blocks) {
      same &= column.apply(b).sameConstant(first);
    }
    if (same) {
      return constant(first.value);
    }
    float[] a = new float[n];
    int at = 0;
    for (Items b : blocks) {
      int m = b.size();
      FloatColumn c = column.apply(b);
      if (c.array == null) {
        Arrays.fill(a, at, at + m, c.value);
      } else {
        System.arraycopy(c.array, 0, a, at, m);
      }
      at += m;
    }
    return new FloatColumn(a, first.value);
  }

  /** Whether both columns are constant with the same value. */
  private boolean sameConstant(FloatColumn o) {
    return array == null
        && o.array == null
        && Float.floatToRawIntBits(value) == Float.floatToRawIntBits(o.value);
  }
}
