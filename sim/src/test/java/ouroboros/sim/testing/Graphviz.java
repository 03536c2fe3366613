package ouroboros.sim.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds Graphviz for the tests that also check their DOT output with it when it is there. */
public final class Graphviz {
  private Graphviz() {}

  /** The {@code dot} executable on the PATH, or null when Graphviz is not installed. */
  public static Path dot() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, "dot");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
