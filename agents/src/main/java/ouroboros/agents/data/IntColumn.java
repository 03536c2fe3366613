package ouroboros.agents.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One provenance column of {@link Items} holding ints: an array with one entry per item, or, when
 * the column is constant, one value for every item. The array of a constant column is built on the
 * first call of {@link #array} and kept; {@link #at} never builds it.
 */
final class IntColumn {
  private final int[] array;
  private final int value;
  private volatile int[] built;

  private IntColumn(int[] array, int value) {
    this.array = array;
    this.value = value;
  }

  /**
   * A column held as {@code array}, checked to have {@code n} entries; {@code name} names the
   * column in the messages.
   */
  static IntColumn given(String name, int[] array, int n) {
    Objects.requireNonNull(array, name);
    if (array.length != n) {
      throw new IllegalArgumentException(name + " has " + array.length + " entries, expected " + n);
    }
    return new IntColumn(array, (int) 0);
  }

  /** A constant column: {@code value} for every item. */
  static IntColumn constant(int value) {
    return new IntColumn(null, value);
  }

  /** Whether the column is held as one value (no array of its own). */
  boolean constant() {
    return array == null;
  }

  /** Item i's value. */
  int at(int i) {
    return array == null ? value : array[i];
  }

  /** One value per item of {@code n}: the given array, or the constant's, built once. */
  int[] array(int n) {
    if (array != null) {
      return array;
    }
    int[] a = built;
    if (a == null) {
      a = new int[n];
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
  IntColumn select(int[] positions) {
    int[] a = new int[positions.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = at(positions[i]);
    }
    return new IntColumn(a, (int) 0);
  }

  /**
   * The {@code column} of every block, one after another ({@code n} items in all). It stays
   * constant when it is constant with the same value as {@code first}'s in every block.
   */
  static IntColumn concat(
      List<Items> blocks, Function<Items, IntColumn> column, IntColumn first, int n) {
    boolean same = true;
    for (Items b : blocks) {
      same &= column.apply(b).sameConstant(first);
    }
    if (same) {
      return constant(first.value);
    }
    int[] a = new int[n];
    int at = 0;
    for (Items b : blocks) {
      int m = b.size();
      IntColumn c = column.apply(b);
      if (c.array == null) {
        Arrays.fill(a, at, at + m, c.value);
      } else {
        System.arraycopy(c.array, 0, a, at, m);
      }
      at += m;
    }
    return new IntColumn(a, first.value);
  }

  /** Whether both columns are constant with the same value. */
  private boolean sameConstant(IntColumn o) {
    return array == null && o.array == null && value == o.value;
  }
}
