package ouroboros.sim.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns the names a CSV file repeats (agents, metrics) from byte ranges, so that a row whose name
 * was seen before costs a hash and a compare, not a new string. Open addressing with linear
 * probing; names decode as UTF-8. Not thread-safe.
 */
final class NameTable {
  private byte[][] keys = new byte[64][];
  private String[] names = new String[64];
  private int size;

  /** The name spelt by bytes [a, b) of {@code buf}. */
  String get(byte[] buf, int a, int b) {
    int h = 1;
    for (int i = a; i < b; i++) {
      h = 31 * h + buf[i];
    }
    int mask = keys.length - 1;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      byte[] k = keys[slot];
      if (k == null) {
        return add(slot, Arrays.copyOfRange(buf, a, b));
      }
      if (Arrays.equals(k, 0, k.length, buf, a, b)) {
        return names[slot];
      }
    }
  }

  /** Stores a new name at an empty slot, growing the table past half full. */
  private String add(int slot, byte[] key) {
    String name = new String(key, StandardCharsets.UTF_8);
    keys[slot] = key;
    names[slot] = name;
    if (++size * 2 > keys.length) {
      byte[][] oldKeys = keys;
      String[] oldNames = names;
      keys = new byte[2 * oldKeys.length][];
      names = new String[2 * oldKeys.length];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          int s = mix(Arrays.hashCode(oldKeys[i])) & mask;
          while (keys[s] != null) {
            s = (s + 1) & mask;
          }
          keys[s] = oldKeys[i];
          names[s] = oldNames[i];
        }
      }
    }
    return name;
  }

  /** Spreads a hash's bits over the low ones. */
  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
