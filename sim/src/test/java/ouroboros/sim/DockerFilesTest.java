package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ouroboros.sim.graph.GraphServer;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.testing.Repo;

/**
 * The Dockerfile and docker-compose.yml (issue 12), read as text and YAML since Docker is not
 * needed: the base images are pinned by version tag, the dependency layer is built from the poms
 * alone before any source is copied, the image runs as an unprivileged user, exposes the metrics
 * and graph ports and checks its health, and compose starts what depends on the simulator only once
 * that health check passes, with Prometheus scraping the port the simulator serves.
 */
class DockerFilesTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** A version tag: at least major.minor.patch somewhere in it, such as 3.9.9 or v2.53.2. */
  private static final Pattern PINNED = Pattern.compile(".*:v?\\d+\\.\\d+\\.\\d+[^:]*");

  private final Path root = Repo.root();

  /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
  private List<String> instructions() throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : Files.readAllLines(root.resolve("Dockerfile"))) {
      String l = line.strip();
      if (l.startsWith("#") || (l.isEmpty() && cur.length() == 0)) {
        continue;
      }
      if (l.endsWith("\\")) {
        cur.append(l, 0, l.length() - 1).append(' ');
        continue;
      }
      cur.append(l);
      if (cur.length() > 0) {
        out.add(cur.toString());
      }
      cur.setLength(0);
    }
    return out;
  }

  /** The instructions of the last stage (from its FROM on). */
  private List<String> lastStage() throws IOException {
    List<String> all = instructions();
    int from = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("FROM ")) {
        from = i;
      }
    }
    return all.subList(from, all.size());
  }

  @Test
  void everyBaseImage_isPinnedByVersionTag_likeComposesImages() throws IOException {
    int from = 0;
    for (String i : instructions()) {
      if (i.startsWith("FROM ")) {
        from++;
        String image = i.split("\\s+")[1];
        assertTrue(PINNED.matcher(image).matches(), "not pinned by version tag: " + i);
      }
    }
    assertEquals(2, from, "a build stage and a run stage");
    JsonNode services = YAML.readTree(root.resolve("docker-compose.yml").toFile()).path("services");
    for (String s : List.of("prometheus", "grafana")) {
      String image = services.path(s).path("image").asText();
      assertTrue(PINNED.matcher(image).matches(), s + " is not pinned: " + image);
    }
  }

  @Test
  void dependencyLayer_isBuiltFromThePomsAlone_beforeAnySourceIsCopied() throws IOException {
    List<String> all = instructions();
    int goOffline = -1;
    int firstSource = -1;
    int lastPom = -1;
    int build = -1;
    for (int i = 0; i < all.size(); i++) {
      String s = all.get(i);
      if (s.startsWith("COPY ") && !s.startsWith("COPY --from")) {
        if (s.matches("COPY (\\S*/)?pom\\.xml .*")) {
          lastPom = i;
        } else if (firstSource < 0) {
          firstSource = i;
        }
      }
      if (s.startsWith("RUN mvn ")
          && (s.contains("dependency:go-offline") || s.contains("dependency:resolve"))
          && goOffline < 0) {
        goOffline = i;
      }
      if (s.startsWith("RUN mvn ") && s.contains(" package")) {
        build = i;
      }
    }
    assertTrue(
        goOffline >= 0, "no RUN mvn ... dependency:go-offline or dependency:resolve: " + all);
    assertTrue(lastPom >= 0 && lastPom < goOffline, "the poms are copied before resolving");
    assertTrue(goOffline < firstSource, "a source is copied before the dependencies resolve");
    assertTrue(firstSource < build, "the package step comes after the sources");
    // Every module's pom is copied, so the dependency layer covers the whole reactor.
    String poms = String.join("\n", all.subList(0, goOffline));
    for (String module : modules()) {
      assertTrue(poms.contains("COPY " + module + "/pom.xml"), "pom of " + module + " not copied");
    }
  }

  @Test
  void image_runsAsAnUnprivilegedUser_exposesBothPorts_andChecksItsHealth() throws IOException {
    List<String> stage = lastStage();
    String user = null;
    int userAt = -1;
    int entrypoint = -1;
    Set<Integer> exposed = new TreeSet<>();
    boolean health = false;
    for (int i = 0; i < stage.size(); i++) {
      String s = stage.get(i);
      if (s.startsWith("USER ")) {
        user = s.substring(5).strip();
        userAt = i;
      } else if (s.startsWith("ENTRYPOINT ")) {
        entrypoint = i;
      } else if (s.startsWith("EXPOSE ")) {
        for (String p : s.substring(7).strip().split("\\s+")) {
          exposed.add(Integer.parseInt(p.replace("/tcp", "")));
        }
      } else if (s.startsWith("HEALTHCHECK ")) {
        health = s.contains(MetricsServer.HEALTH_PATH);
      }
    }
    assertTrue(user != null, "the run stage has no USER: it runs as root");
    assertFalse(
        Set.of("root", "0", "0:0", "root:root").contains(user), "the image runs as root: " + user);
    assertTrue(userAt < entrypoint, "USER comes before the ENTRYPOINT");
    assertEquals(
        Set.of(MetricsServer.DEFAULT_PORT, GraphServer.DEFAULT_PORT),
        exposed,
        "EXPOSE the metrics and graph ports");
    assertTrue(health, "no HEALTHCHECK asking " + MetricsServer.HEALTH_PATH);
  }

  @Test
  void compose_waitsOnTheSimulatorsHealthCheck() throws IOException {
    JsonNode services = YAML.readTree(root.resolve("docker-compose.yml").toFile()).path("services");
    JsonNode check = services.path("sim").path("healthcheck").path("test");
    assertTrue(check.isArray() && check.size() > 1, "the sim service has no healthcheck");
    assertTrue(check.toString().contains(MetricsServer.HEALTH_PATH), check.toString());
    int dependents = 0;
    for (String s : List.of("prometheus", "grafana")) {
      JsonNode dep = services.path(s).path("depends_on");
      assertTrue(dep.isObject(), s + ": depends_on must name conditions: " + dep);
      assertEquals(
          "service_healthy",
          dep.path("sim").path("condition").asText(),
          s + " does not wait on the simulator's health check");
      dependents++;
    }
    assertEquals(2, dependents);
  }

  @Test
  void prometheusScrapeTarget_isTheSimServiceOnThePortItServes_andExposes() throws IOException {
    JsonNode sim =
        YAML.readTree(root.resolve("docker-compose.yml").toFile()).path("services").path("sim");
    List<String> command = new ArrayList<>();
    sim.path("command").forEach(a -> command.add(a.asText()));
    int i = command.indexOf("--metrics-port");
    int port = i < 0 ? MetricsServer.DEFAULT_PORT : Integer.parseInt(command.get(i + 1));
    JsonNode prom = YAML.readTree(root.resolve("prometheus/prometheus.yml").toFile());
    List<String> targets = new ArrayList<>();
    for (JsonNode job : prom.path("scrape_configs")) {
      // The cluster profile's job (ClusterComposeTest) scrapes the clock and the workers.
      if (job.path("job_name").asText().equals("ouroboros-cluster")) {
        continue;
      }
      for (JsonNode sc : job.path("static_configs")) {
        sc.path("targets").forEach(t -> targets.add(t.asText()));
      }
    }
    assertEquals(List.of("sim:" + port), targets, "Prometheus scrapes the sim service");
    String dockerfile = String.join("\n", lastStage());
    Matcher m = Pattern.compile("EXPOSE ([0-9 /tcp]+)").matcher(dockerfile);
    assertTrue(m.find() && List.of(m.group(1).split("\\s+")).contains(Integer.toString(port)));
  }

  /** The reactor's modules, from the root pom. */
  private List<String> modules() throws IOException {
    Matcher m =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    assertFalse(out.isEmpty(), "no modules in pom.xml");
    return out;
  }
}
