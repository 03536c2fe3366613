package ouroboros.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which "collapses" predictions of a graph window a regime is known to contradict. The graph's
 * prediction (SCIENCE.md, "Topology"; {@code GraphAnalysis}) is made for replace-like training: a
 * closed class with no human data accumulates error like a random walk. A class whose every member
 * accumulates its data (regime {@code accumulate}) keeps its error bounded instead (Gerstgrasser et
 * al. 2024: E||w_n - w*||^2 at most (pi^2/6) c), so a model whose prediction comes only from such
 * classes is predicted to collapse but is not expected to diverge. {@code accumulate-subsample} and
 * {@code window} are not counted: they drop old data, and no bound is claimed for them here.
 */
final class GraphCaveats {
  private GraphCaveats() {}

  /**
   * For each model predicted to collapse whose every upstream closed class with no human data (its
   * own included) accumulates: those classes, as "{a, b}". Models whose regime is not known ({@code
   * regimes} lacks them) are never marked.
   */
  static Map<String, List<String>> contradicted(JsonNode doc, Map<String, String> regimes) {
    Map<String, List<String>> closedClassOf = new HashMap<>();
    for (JsonNode c : doc.path("classes")) {
      if (c.path("closed-without-human").asBoolean()) {
        List<String> members = new ArrayList<>();
        c.path("members").forEach(m -> members.add(m.asText()));
        members.forEach(m -> closedClassOf.put(m, members));
      }
    }
    Map<String, List<String>> sources = new HashMap<>();
    for (JsonNode e : doc.path("edges")) {
      sources
          .computeIfAbsent(e.path("target").asText(), k -> new ArrayList<>())
          .add(e.path("source").asText());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (JsonNode n : doc.path("nodes")) {
      String id = n.path("id").asText();
      if (!"collapses".equals(n.path("detail__predicted").asText())) {
        continue;
      }
      Set<List<String>> closed = new java.util.LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String m = todo.pop();
        if (!seen.add(m)) {
          continue;
        }
        if (closedClassOf.containsKey(m)) {
          closed.add(closedClassOf.get(m));
        }
        todo.addAll(sources.getOrDefault(m, List.of()));
      }
      boolean allAccumulate =
          !closed.isEmpty()
              && closed.stream()
                  .flatMap(List::stream)
                  .allMatch(m -> "accumulate".equals(regimes.get(m)));
      if (allAccumulate) {
        out.put(id, closed.stream().map(c -> "{" + String.join(", ", c) + "}").toList());
      }
    }
    return out;
  }
}
