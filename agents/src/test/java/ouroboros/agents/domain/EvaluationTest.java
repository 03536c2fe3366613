package ouroboros.agents.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An evaluation's measures stay what they were made with, whichever way it was made. */
class EvaluationTest {

  private static TreeMap<String, Double> measures() {
    TreeMap<String, Double> m = new TreeMap<>();
    m.put("b", 2.0);
    m.put("a", 1.0);
    return m;
  }

  @Test
  void constructorCopies_ownedAndAddedAreEqual_noneCanBeChanged() {
    TreeMap<String, Double> source = measures();
    Evaluation copied = new Evaluation(source);
    source.put("c", 3.0);
    assertEquals(List.of("a", "b"), List.copyOf(copied.values().keySet()));

    Evaluation owned = Evaluation.owning(measures());
    assertEquals(copied, owned);
    assertEquals(copied.hashCode(), owned.hashCode());
    assertEquals("{a=1.0, b=2.0}", owned.values().toString());
    assertSame(owned.values(), new Evaluation(owned.values()).values(), "shared, not copied");

    Evaluation added = owned.with("c", 3.0);
    assertEquals(3.0, added.get("c"));
    assertEquals(Double.NaN, owned.get("c"), "with() leaves the original as it was");
    assertNotEquals(owned, added);
    assertEquals(new Evaluation(source), added);

    for (Evaluation e : List.of(copied, owned, added)) {
      Map<String, Double> v = e.values();
      assertThrows(UnsupportedOperationException.class, () -> v.put("z", 0.0));
      assertThrows(UnsupportedOperationException.class, () -> v.remove("a"));
      assertThrows(UnsupportedOperationException.class, () -> v.putIfAbsent("z", 0.0));
      assertThrows(UnsupportedOperationException.class, () -> v.replaceAll((k, x) -> 0.0));
      assertThrows(
          UnsupportedOperationException.class, () -> v.entrySet().iterator().next().setValue(9.0));
      assertThrows(UnsupportedOperationException.class, () -> e.values().headMap("b").clear());
      assertEquals(1.0, e.get("a"));
    }
  }

  @Test
  void values_readLikeTheTreeTheyWereMadeFrom_inItsOrder() {
    for (TreeMap<String, Double> tree :
        List.of(measures(), new TreeMap<String, Double>(java.util.Comparator.reverseOrder()))) {
      tree.put("risk", 0.25);
      tree.put("kl", -0.0);
      tree.put("nan", Double.NaN);
      tree.put("a", 1.0);
      java.util.SortedMap<String, Double> v = new Evaluation(tree).values();
      assertEquals(tree, v);
      assertEquals(v, tree);
      assertEquals(tree.hashCode(), v.hashCode());
      assertEquals(tree.toString(), v.toString());
      assertEquals(List.copyOf(tree.keySet()), List.copyOf(v.keySet()));
      assertEquals(List.copyOf(tree.values()), List.copyOf(v.values()));
      assertEquals(tree.firstKey(), v.firstKey());
      assertEquals(tree.lastKey(), v.lastKey());
      assertEquals(tree.comparator(), v.comparator());
      assertEquals(tree.headMap("kl"), v.headMap("kl"));
      assertEquals(tree.tailMap("kl"), v.tailMap("kl"));
      for (String k : List.of("a", "b", "kl", "nan", "risk", "zz", "")) {
        assertEquals(tree.get(k), v.get(k), k);
        assertEquals(tree.containsKey(k), v.containsKey(k), k);
      }
    }
    assertThrows(java.util.NoSuchElementException.class, () -> Evaluation.NONE.values().firstKey());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Evaluation(new TreeMap<>(java.util.Collections.singletonMap("risk", null))));
  }
}
