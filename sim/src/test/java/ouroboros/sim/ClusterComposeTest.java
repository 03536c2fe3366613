package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;
import picocli.CommandLine;

/**
 * The cluster profile of docker-compose.yml (issue 13, "Deployment") and the Prometheus jobs that
 * scrape it: a {@code clock} service that runs a scenario as the cluster's seed node and a {@code
 * worker} service that joins it, both only under {@code --profile cluster}, the others in no
 * profile (so {@code docker compose up} starts what it did); workers that scale ({@code --scale
 * worker=3}: no container name, no host port); Artery bound to every address of a container only
 * because the command asks for it; and Prometheus scraping the clock and every worker replica.
 * Docker is not needed: the files are parsed, and compose's {@code ${VAR:-default}} is resolved to
 * its default.
 */
class ClusterComposeTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String PROFILE = "cluster";
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  private final JsonNode services;

  ClusterComposeTest() throws IOException {
    services = YAML.readTree(Repo.root().resolve("docker-compose.yml").toFile()).path("services");
  }

  @Test
  void clockAndWorker_areInTheClusterProfileOnly_andTheOtherServicesInNone() {
    for (String name : List.of("clock", "worker")) {
      JsonNode s = services.path(name);
      assertTrue(s.isObject(), "docker-compose.yml has no service " + name);
      assertEquals(List.of(PROFILE), texts(s.path("profiles")), name + "'s profiles");
      assertTrue(s.has("build") || s.has("image"), name + " has neither build nor image");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      if (!List.of("clock", "worker").contains(s.getKey())) {
        assertTrue(
            s.getValue().path("profiles").isMissingNode(),
            s.getKey() + " is in a profile: plain 'docker compose up' would no longer start it");
      }
    }
  }

  @Test
  void worker_scales_noContainerNameHostPortOrHostname_andJoinsTheClocksArteryAddress() {
    JsonNode worker = services.path("worker");
    for (String fixed : List.of("container_name", "ports", "hostname")) {
      assertFalse(worker.has(fixed), "worker sets " + fixed + ": --scale worker=3 would collide");
    }
    List<String> args = command("worker");
    assertEquals("node", args.get(0), "the worker's command: " + args);
    String join = value(args, "--join");
    assertEquals("clock:" + port(value(command("clock"), "--cluster")), join, "--join");
    assertEquals("0.0.0.0", host(value(args, "--bind")), "the worker binds every address");
    assertEquals("0.0.0.0", value(args, "--metrics-host"), "the worker's metrics address");
    assertEquals(
        "clock",
        worker.path("depends_on").fieldNames().hasNext()
            ? worker.path("depends_on").fieldNames().next()
            : null,
        "the worker starts after the clock");
  }

  @Test
  void clock_runsARepositoryScenario_asTheSeedNode_waitingForMoreThanItself() {
    List<String> args = command("clock");
    assertEquals("run", args.get(0), "the clock's command: " + args);
    assertTrue(args.get(1).startsWith("/scenarios/"), "not a mounted scenario: " + args.get(1));
    assertTrue(
        Files.isRegularFile(Repo.root().resolve("scenarios").resolve(args.get(1).substring(11))),
        "no scenario " + args.get(1));
    assertTrue(
        texts(services.path("clock").path("volumes")).contains("./scenarios:/scenarios:ro"),
        "the clock does not mount the scenarios");
    String cluster = value(args, "--cluster");
    assertEquals("clock", host(cluster), "--cluster names the clock service: " + cluster);
    assertEquals(
        "0.0.0.0:" + port(cluster), value(args, "--bind"), "the clock binds every address");
    int minNodes = Integer.parseInt(value(args, "--min-nodes"));
    assertEquals(4, minNodes, "--min-nodes by default: the clock and the 3 workers the docs scale");
    assertEquals("0.0.0.0", value(args, "--metrics-host"), "the clock's metrics address");
    assertFalse(services.path("clock").has("container_name"), "clock sets container_name");
  }

  @Test
  void hostPorts_areOnLoopback_andNoTwoServicesPublishTheSame() {
    Map<String, String> owner = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      for (String p : texts(s.getValue().path("ports"))) {
        assertTrue(p.startsWith("127.0.0.1:"), s.getKey() + " publishes beyond loopback: " + p);
        String host = p.substring(0, p.lastIndexOf(':'));
        String other = owner.put(host, s.getKey());
        assertTrue(other == null, s.getKey() + " and " + other + " both publish " + host);
      }
    }
  }

  @Test
  void prometheus_scrapesTheClock_andEveryWorkerReplica_byDns() throws IOException {
    JsonNode config = YAML.readTree(Repo.root().resolve("prometheus/prometheus.yml").toFile());
    String clock = "clock:" + value(command("clock"), "--metrics-port");
    int workerPort = Integer.parseInt(value(command("worker"), "--metrics-port"));
    boolean clockScraped = false;
    boolean workersScraped = false;
    for (JsonNode job : config.path("scrape_configs")) {
      for (JsonNode sc : job.path("static_configs")) {
        clockScraped |= texts(sc.path("targets")).contains(clock);
      }
      for (JsonNode dns : job.path("dns_sd_configs")) {
        if (texts(dns.path("names")).equals(List.of("worker"))) {
          assertEquals("A", dns.path("type").asText(), "worker discovery: one A record a replica");
          assertEquals(workerPort, dns.path("port").asInt(), "worker discovery's port");
          assertEquals("/metrics", job.path("metrics_path").asText("/metrics"));
          workersScraped = true;
        }
      }
    }
    assertTrue(clockScraped, "prometheus.yml does not scrape " + clock);
    assertTrue(workersScraped, "prometheus.yml does not discover the worker replicas");
  }

  /**
   * Once the simulator has the cluster commands ({@code node}, {@code run --cluster}), both
   * services' commands parse with its own command line; skipped before.
   */
  @Test
  void clusterCommands_parseWithTheSimulatorsCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    assumeTrue(cli.getSubcommands().containsKey("node"), "no 'node' command yet");
    for (String service : List.of("clock", "worker")) {
      List<String> args = command(service);
      try {
        new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(service + "'s command does not parse: " + args, e);
      }
    }
  }

  // ---- helpers ----

  /** A service's command, with compose's {@code ${VAR:-default}} resolved to its default. */
  private List<String> command(String service) {
    List<String> out = new ArrayList<>();
    for (String a : texts(services.path(service).path("command"))) {
      Matcher m = DEFAULTED.matcher(a);
      out.add(m.replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
    }
    assertFalse(out.isEmpty(), service + " has no command");
    return out;
  }

  /** The value after {@code option} in {@code args}. */
  private static String value(List<String> args, String option) {
    int i = args.indexOf(option);
    assertTrue(i >= 0 && i + 1 < args.size(), "no " + option + " in " + args);
    return args.get(i + 1);
  }

  /** The host of {@code HOST:PORT}. */
  private static String host(String address) {
    return address.substring(0, address.lastIndexOf(':'));
  }

  /** The port of {@code HOST:PORT}. */
  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** A YAML list's texts. */
  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }
}
