package ouroboros.agents.domain.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import ouroboros.agents.data.Batch;
import ouroboros.agents.domain.FitException;

/** The payload format: [length, tok_1, ..., tok_L] with unused slots -1. */
class NgramPayloadTest {

  @Test
  void write_fixedWidthRowsWithUnusedSlots() {
    Batch b = Sentences.of(4, new int[] {3, 1}, new int[] {}, new int[] {0, 1, 2, 3});
    assertEquals(5, b.width());
    assertArrayEquals(new double[] {2, 3, 1, -1, -1, 0, -1, -1, -1, -1, 4, 0, 1, 2, 3}, b.values());
  }

  @Test
  void read_roundTripsAndRejectsMalformedItems() throws FitException {
    Batch b = Sentences.of(3, new int[] {2, 0});
    int[] words = new int[3];
    assertEquals(2, Sentences.read(b, 0, words, 3));
    assertArrayEquals(new int[] {2, 0}, java.util.Arrays.copyOf(words, 2));
    Batch tooLong = new Batch(1, 4, new double[] {4, 0, 0, 0});
    FitException e = assertThrows(FitException.class, () -> Sentences.read(tooLong, 0, words, 3));
    assertEquals("item 0 has length 4.0, expected a whole number in [0, 3]", e.getMessage());
    Batch badWord = new Batch(1, 4, new double[] {2, 0, 3, -1});
    e = assertThrows(FitException.class, () -> Sentences.read(badWord, 0, words, 3));
    assertEquals("item 0 has word 3.0 at position 2, expected a word id in [0, 3)", e.getMessage());
    Batch fraction = new Batch(1, 4, new double[] {1, 0.5, -1, -1});
    assertThrows(FitException.class, () -> Sentences.read(fraction, 0, words, 3));
  }
}
