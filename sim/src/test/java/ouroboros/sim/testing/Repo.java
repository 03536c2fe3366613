package ouroboros.sim.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a test, whatever module directory the test runs in. */
public final class Repo {
  private Repo() {}

  /** The repository root: the nearest ancestor with both pom.xml and scenarios/. */
  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("scenarios"))) {
        return p;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /** A file under scenarios/. */
  public static Path scenario(String name) {
    return root().resolve("scenarios").resolve(name);
  }
}
