package ouroboros.agents.domain.text;

import java.util.Arrays;

/**
 * An accumulating map from non-negative long keys to doubles, with open addressing and linear
 * probing over primitive arrays (no boxing). Used only while counting n-grams; its iteration order
 * never reaches output, since {@link #sortedKeys} sorts.
 */
final class LongDoubleMap {
  private static final long EMPTY = -1L;

  private long[] keys;
  private double[] values;
  private int size;

  /** A map sized for about {@code expected} keys. */
  LongDoubleMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new double[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** Adds {@code delta} to the value of {@code key} (0 when absent). */
  void add(long key, double delta) {
    if (key < 0) {
      throw new IllegalArgumentException("key is negative: " + key);
    }
    int slot = slot(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
      if (size * 2 > keys.length) {
        values[slot] = delta;
        grow();
        return;
      }
    }
    values[slot] += delta;
  }

  /** The value of {@code key}, or 0 when absent. */
  double get(long key) {
    int slot = slot(key);
    return keys[slot] == EMPTY ? 0 : values[slot];
  }

  /** Number of keys. */
  int size() {
    return size;
  }

  /** The keys in increasing order. */
  long[] sortedKeys() {
    long[] out = new long[size];
    int j = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[j++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Doubles the capacity and reinserts every key. */
  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new double[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** The SplitMix64 finaliser, so that consecutive keys spread over the table. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
