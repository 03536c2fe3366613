package ouroboros.sim.output;

import java.util.ArrayList;
import java.util.List;

/** The fields of one line of the CSV files Ouroboros writes (RFC 4180 quoting). */
public final class CsvFields {
  private CsvFields() {}

  /** Splits a CSV line: commas, with double-quoted fields that may hold commas and "". */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
