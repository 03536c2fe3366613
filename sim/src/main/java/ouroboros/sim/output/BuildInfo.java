package ouroboros.sim.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit this build was made from, read from {@code build.properties}, which
 * Maven filters at build time ({@code sim/pom.xml}: the project version, and {@code git describe
 * --always --dirty} run by the antrun plugin). A commit that could not be read (no git, or not a
 * git checkout) is {@code "unknown"}; so is either value when the resource is missing or was not
 * filtered (a build outside Maven). {@code ouroboros --version} prints them and summary.json
 * records them.
 *
 * @param version the Maven project version, such as {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit, {@code -dirty} when the work tree had changes
 */
public record BuildInfo(String version, String commit) {
  /** The value of a field that is not known. */
  public static final String UNKNOWN = "unknown";

  private static final BuildInfo CURRENT = load();

  /** This build's. */
  public static BuildInfo current() {
    return CURRENT;
  }

  /** "ouroboros 0.1.0-SNAPSHOT (commit 284d31d1a2b3)". */
  public String line() {
    return "ouroboros " + version + " (commit " + commit + ")";
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Unreadable: both fields are unknown.
    }
    return new BuildInfo(value(p, "version"), value(p, "commit"));
  }

  /** A filtered value, or {@link #UNKNOWN} when absent, empty or left unfiltered. */
  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").strip();
    return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
  }
}
