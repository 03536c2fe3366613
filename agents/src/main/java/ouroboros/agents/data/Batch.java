package ouroboros.agents.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A columnar payload: {@code size} items of {@code width} doubles each, stored row after row in one
 * primitive array. A batch is never one object per sample. The array is not copied; by convention
 * nobody writes to it after the batch is built.
 *
 * @param size number of items
 * @param width doubles per item (the domain's payload width)
 * @param values {@code size * width} values, item {@code i} at {@code [i*width, (i+1)*width)}
 */
public record Batch(int size, int width, double[] values) {

  /** Checks the shape. */
  public Batch {
    Objects.requireNonNull(values, "values");
    if (size < 0) {
      throw new IllegalArgumentException("size is negative: " + size);
    }
    if (width < 1) {
      throw new IllegalArgumentException("width is not strictly positive: " + width);
    }
    if ((long) size * width != values.length) {
      throw new IllegalArgumentException(
          "values has " + values.length + " doubles, expected size*width=" + ((long) size * width));
    }
  }

  /** An empty batch of the given width. */
  public static Batch empty(int width) {
    return new Batch(0, width, new double[0]);
  }

  /** Value {@code j} of item {@code i}. */
  public double get(int i, int j) {
    return values[i * width + j];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Batch b
        && b.size == size
        && b.width == width
        && Arrays.equals(b.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(size, width) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Batch[size=" + size + ", width=" + width + "]";
  }
}
