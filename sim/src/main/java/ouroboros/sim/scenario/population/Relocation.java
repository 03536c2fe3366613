package ouroboros.sim.scenario.population;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ouroboros.sim.scenario.check.ScenarioError;
import ouroboros.sim.scenario.load.Locations;

/**
 * Moves errors found in generated entries back to where the file wrote them: an error in a member
 * goes to its population's template (or {@code id-pattern}), naming the member; an error in an
 * event or {@code trains-on} entry expanded from one naming a population goes to that entry. Errors
 * that only differ by member are reported once, with the number of others.
 */
final class Relocation {
  /** Generated entries of one list from one population. */
  private record Range(String list, int population, int start, List<String> ids) {}

  private final String file;
  private final Locations locations;
  private final List<Population> entries;
  private final List<Range> ranges = new ArrayList<>();
  private final Map<String, Expanded> expandedLists = new LinkedHashMap<>();
  private final Map<Integer, Expanded> generatedLists = new HashMap<>();
  private int[] timelineOrigin = new int[0];
  private String[] timelineMember = new String[0];

  Relocation(String file, Locations locations, List<Population> entries) {
    this.file = file;
    this.locations = locations;
    this.entries = entries;
  }

  /** The member an error's path names, at its end. */
  private static final Pattern MEMBER = Pattern.compile(" \\(member ([^)]*)\\)$");

  /** The source of entry N of a trains-on list, after the list's pointer or a member's. */
  private static final Pattern SOURCE = Pattern.compile("(?:/trains-on/)?(\\d{1,9})/source");

  /** Notes that a population's members start at index {@code start} of its kind's list. */
  void population(String kind, int k, int start, List<String> ids) {
    ranges.add(new Range(kind + "s", k, start, ids));
  }

  /**
   * A hand-written model's or release's {@code trains-on} list with populations expanded: for each
   * entry of the expanded list, the index of the entry the file wrote, the population it stands for
   * (else null) and its source.
   */
  record Expanded(int[] origin, String[] population, String[] source) {}

  /**
   * Notes that the list at a pointer (a trains-on list: a model's, or a release's at its place in
   * the file) was expanded, and how.
   */
  void expanded(String listPointer, Expanded how) {
    expandedLists.put(listPointer, how);
  }

  /**
   * Notes how a generated member's trains-on list (the model at {@code index} of the expanded
   * models) was expanded from its template's.
   */
  void generated(int index, Expanded how) {
    generatedLists.put(index, how);
  }

  /** Notes each timeline event's index in the file, and the member it was expanded for. */
  void timeline(int[] origin, String[] member) {
    timelineOrigin = origin;
    timelineMember = member;
  }

  /** Errors of binding member {@code id} of population {@code k}, placed at its template. */
  List<ScenarioError> member(int k, String id, List<ScenarioError> errors) {
    List<ScenarioError> out = new ArrayList<>();
    for (ScenarioError e : errors) {
      String pointer = pointer(e.path());
      out.add(at(inTemplate(k, pointer), k, id, e));
    }
    return out;
  }

  /** The errors of a validated, expanded scenario, placed where the file wrote their cause. */
  List<ScenarioError> relocate(List<ScenarioError> errors) {
    List<ScenarioError> out = new ArrayList<>();
    List<ScenarioError> inListOrder = new ArrayList<>(errors);
    // Members in member order, so that a group names its first member.
    inListOrder.sort(Comparator.comparingInt(e -> index(pointer(e.path()))));
    for (ScenarioError e : inListOrder) {
      String pointer = pointer(e.path());
      String[] parts = pointer.split("/", -1);
      ScenarioError moved = e;
      if (parts.length >= 3 && parts[2].matches("\\d+")) {
        int j = Integer.parseInt(parts[2]);
        String rest = pointer.substring(("/" + parts[1] + "/" + parts[2]).length());
        if (parts[1].equals("timeline") && j < timelineOrigin.length) {
          // An event's tick is the same for every member: its error names none, and is one.
          String member = rest.equals("/tick") ? null : timelineMember[j];
          String inFile = "/timeline/" + timelineOrigin[j] + rest;
          moved = placed(inFile, e, member, -1);
          for (Map.Entry<String, Expanded> list : expandedLists.entrySet()) {
            String at = list.getKey(); // a release's trains-on, noted by its place in the file
            if (inFile.startsWith(at + "/")) {
              moved = inList(at, list.getValue(), inFile.substring(at.length() + 1), e);
            }
          }
        }
        for (Range r : ranges) {
          if (r.list().equals(parts[1]) && j >= r.start() && j < r.start() + r.ids().size()) {
            moved =
                at(
                    inTemplate(r.population(), rest),
                    r.population(),
                    r.ids().get(j - r.start()),
                    explained(generatedLists.get(j), rest, e));
          }
        }
        for (Map.Entry<String, Expanded> list : expandedLists.entrySet()) {
          String at = list.getKey();
          if (pointer.startsWith(at + "/") && parts[1].equals("models") && moved == e) {
            moved = inList(at, list.getValue(), pointer.substring(at.length() + 1), e);
          }
        }
      }
      out.add(moved);
    }
    return grouped(out, this::populationOf);
  }

  /** The id of the population {@code member} belongs to, or null when it is no member. */
  String populationOf(String member) {
    for (Range r : ranges) {
      if (r.ids().contains(member)) {
        return entries.get(r.population()).id();
      }
    }
    return null;
  }

  /**
   * An error in an expanded trains-on list ({@code tail} is its pointer after the list's) moved to
   * the entry the file wrote: a source from a population names its member, and a source listed
   * twice through a population says so ({@code [{source: pair}, {source: p0}]}).
   */
  private ScenarioError inList(String list, Expanded how, String tail, ScenarioError e) {
    int slash = tail.indexOf('/');
    String head = slash < 0 ? tail : tail.substring(0, slash);
    if (!head.matches("\\d{1,9}") || Integer.parseInt(head) >= how.origin().length) {
      return placed(list, e, null, -1);
    }
    int k = Integer.parseInt(head);
    String rest = slash < 0 ? "" : tail.substring(slash);
    String member = how.population()[k] != null && rest.equals("/source") ? how.source()[k] : null;
    return placed(list + "/" + how.origin()[k] + rest, explained(how, tail, e), member, -1);
  }

  /**
   * An error at {@code tail} of an expanded trains-on list ({@code 3/source}, or {@code
   * /trains-on/3/source} in a generated member), saying so when its source is a repeat of one
   * listed before through a population ({@code [{source: pair}, {source: p0}]}); the same error
   * otherwise.
   */
  private static ScenarioError explained(Expanded how, String tail, ScenarioError e) {
    Matcher m = SOURCE.matcher(tail);
    if (how == null || !m.matches() || Integer.parseInt(m.group(1)) >= how.source().length) {
      return e;
    }
    int k = Integer.parseInt(m.group(1));
    for (int j = 0; j < k; j++) {
      // An earlier entry of the same source makes this one a repeat, which the validator refuses.
      if (how.source()[k] != null && how.source()[k].equals(how.source()[j])) {
        if (how.population()[j] == null) {
          return e;
        }
        String expected =
            e.expected()
                + " ('"
                + how.source()[k]
                + "' is already included through population '"
                + how.population()[j]
                + "')";
        return new ScenarioError(e.file(), e.line(), e.column(), e.path(), e.found(), expected);
      }
    }
    return e;
  }

  /** The list index a pointer starts with, {@code /models/12/...}: 12; else -1. */
  private static int index(String pointer) {
    String[] parts = pointer.split("/", 4);
    return parts.length >= 3 && parts[2].matches("\\d{1,9}") ? Integer.parseInt(parts[2]) : -1;
  }

  /** The pointer in the template for a pointer inside a member. */
  private static String inTemplate(int k, String rest) {
    String base = "/populations/" + k;
    if (rest.isEmpty() || rest.equals("/id")) {
      return base + (rest.isEmpty() ? "" : "/id-pattern");
    }
    int trains = rest.indexOf("/trains-on/");
    if (trains >= 0) {
      rest = rest.substring(0, trains + "/trains-on".length());
    }
    return base + "/template" + rest;
  }

  /** An error moved into population {@code k}'s entry, naming member {@code id}. */
  private ScenarioError at(String pointer, int k, String id, ScenarioError e) {
    return placed(pointer, e, id, k);
  }

  /** An error moved to a pointer, naming a member when there is one. */
  private ScenarioError placed(String pointer, ScenarioError e, String member, int k) {
    Locations.Position pos = locations.find(pointer);
    String path =
        k >= 0 ? PathText.display(pointer, k, entries.get(k).id()) : Locations.display(pointer);
    if (member != null) {
      path = path + " (member " + member + ")";
    }
    return new ScenarioError(file, pos.line(), pos.column(), path, e.found(), e.expected());
  }

  /**
   * Errors that differ only by member, once each, with how many other members have them. What was
   * expected may name the member (a retire of a population retired before: "'lab-0' is retired at
   * tick 1"; a set path through the population: "models[lab-0].pipeline[0]") or the id found (a
   * template's repeated source: "'o-1' is already included through population 'others'"), and is
   * compared without those names; a group of several says {@code models[ID]} of the population
   * ({@code populationOf} a member, null for none) where its first member's message said {@code
   * models[MEMBER]}, so that it holds for each.
   */
  static List<ScenarioError> grouped(
      List<ScenarioError> errors, java.util.function.Function<String, String> populationOf) {
    Map<String, List<ScenarioError>> groups = new LinkedHashMap<>();
    for (ScenarioError e : errors) {
      Matcher m = MEMBER.matcher(e.path());
      String path = e.path();
      String expected = e.expected();
      if (m.find()) {
        path = path.substring(0, m.start());
        expected =
            expected
                .replace("'" + m.group(1) + "'", "'\u0001'")
                .replace("[" + m.group(1) + "]", "[\u0001]");
        if (e.found().length() > 2 && e.found().startsWith("'") && e.found().endsWith("'")) {
          expected = expected.replace(e.found(), "'\u0002'");
        }
      }
      groups
          .computeIfAbsent(
              e.line() + ":" + e.column() + ":" + path + "\u0000" + expected,
              x -> new ArrayList<>())
          .add(e);
    }
    List<ScenarioError> out = new ArrayList<>();
    for (List<ScenarioError> g : groups.values()) {
      ScenarioError first = g.get(0);
      String path = first.path();
      String found = first.found();
      String expected = first.expected();
      Matcher m = MEMBER.matcher(path);
      if (g.size() > 1 && m.find()) {
        String population = populationOf.apply(m.group(1));
        if (population != null) {
          found = found.replace("[" + m.group(1) + "]", "[" + population + "]");
          expected = expected.replace("[" + m.group(1) + "]", "[" + population + "]");
        }
      }
      if (g.size() > 1 && path.endsWith(")")) {
        path = path.substring(0, path.length() - 1) + ", and " + (g.size() - 1) + " more)";
      }
      out.add(new ScenarioError(first.file(), first.line(), first.column(), path, found, expected));
    }
    out.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
    return out;
  }

  /** A displayed path, {@code models[3].crawl.sites[0]}, as a JSON Pointer. */
  static String pointer(String displayed) {
    StringBuilder b = new StringBuilder();
    for (String part : displayed.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      if (!key.isEmpty()) {
        b.append('/').append(key.replace("~", "~0").replace("/", "~1"));
      }
      while (bracket >= 0) {
        int end = part.indexOf(']', bracket);
        if (end < 0) {
          break;
        }
        b.append('/').append(part, bracket + 1, end);
        bracket = part.indexOf('[', end);
      }
    }
    return b.toString();
  }
}
