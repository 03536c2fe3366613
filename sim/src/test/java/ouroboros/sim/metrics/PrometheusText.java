package ouroboros.sim.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format, version 0.0.4 (the Prometheus client
 * has writers but no parser). Every line must be a {@code # HELP}, a {@code # TYPE}, another
 * comment, a blank line, or a sample {@code name{label="value",...} value [timestamp]} whose name
 * belongs to a family declared by an earlier {@code # TYPE} line (a summary or histogram family
 * also owns its {@code _sum}, {@code _count} and {@code _bucket} samples). A family is declared
 * once, a sample's label names are distinct, and no series appears twice.
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*";
  private static final String VALUE =
      "(?:[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?" + "|[-+]?Inf|NaN)";
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + ")(?:\\{((?:"
              + LABEL
              + "=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")(?:,"
              + LABEL
              + "=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*,?)?\\})? ("
              + VALUE
              + ")(?: -?\\d+)?");
  private static final Pattern PAIR =
      Pattern.compile("(" + LABEL + ")=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** Families by name, with their type. */
  final Map<String, String> types = new LinkedHashMap<>();

  /** Samples in file order. */
  final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  /** Parses a whole exposition; throws AssertionError naming the first bad line. */
  static PrometheusText parse(String text) {
    PrometheusText p = new PrometheusText();
    Set<String> series = new HashSet<>();
    String[] lines = text.split("\n", -1);
    if (!text.endsWith("\n")) {
      throw new AssertionError("the exposition does not end with a newline");
    }
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + ": " + line;
      Matcher m;
      if (line.isBlank()) {
        continue;
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (p.types.put(m.group(1), m.group(2)) != null) {
          throw new AssertionError("family declared twice, " + where);
        }
      } else if (line.startsWith("# TYPE")) {
        throw new AssertionError("malformed TYPE, " + where);
      } else if (line.startsWith("# HELP") && !HELP.matcher(line).matches()) {
        throw new AssertionError("malformed HELP, " + where);
      } else if (line.startsWith("#")) {
        continue;
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String name = m.group(1);
        if (family(p.types, name) == null) {
          throw new AssertionError("sample of an undeclared family, " + where);
        }
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null) {
          Matcher pair = PAIR.matcher(m.group(2));
          while (pair.find()) {
            if (labels.put(pair.group(1), pair.group(2)) != null) {
              throw new AssertionError("label repeated, " + where);
            }
          }
        }
        if (!series.add(name + new java.util.TreeMap<>(labels))) {
          throw new AssertionError("series repeated, " + where);
        }
        p.samples.add(
            new Sample(
                name,
                Map.copyOf(labels),
                Double.parseDouble(m.group(3).replace("Inf", "Infinity"))));
      } else {
        throw new AssertionError("not Prometheus text format, " + where);
      }
    }
    return p;
  }

  /** The declared family a sample name belongs to, or null. */
  private static String family(Map<String, String> types, String name) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : List.of("_sum", "_count", "_bucket")) {
      if (name.endsWith(suffix)) {
        String f = name.substring(0, name.length() - suffix.length());
        String type = types.get(f);
        if ("summary".equals(type) || "histogram".equals(type)) {
          return f;
        }
      }
    }
    return null;
  }

  /** The samples of one name. */
  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }
}
