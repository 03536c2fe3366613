package ouroboros.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ouroboros.sim.cli.Main;
import ouroboros.sim.graph.GraphServer;
import ouroboros.sim.metrics.MetricsServer;
import ouroboros.sim.output.MeterCatalogue;
import ouroboros.sim.testing.Repo;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The deployment files (issue 6, "Files"): the Grafana dashboards, the provisioning, the Prometheus
 * configuration, the Dockerfile and docker-compose.yml are consistent with each other, with the
 * repository and with docs/dashboards.md: the five dashboards of the issue, their datasources
 * provisioned, their Infinity queries aimed at the graph endpoint compose serves and the datasource
 * allows, and the sim service's command a valid {@code run} (parsed by the simulator's own command
 * line) that serves metrics and graph on ports compose publishes. Docker itself is not needed: the
 * files are parsed.
 */
class DeploymentFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** A metric name in PromQL: an identifier starting with one of the exported prefixes. */
  private static final Pattern METRIC =
      Pattern.compile("(?<![A-Za-z0-9_:])(?:ouroboros_|jvm_|process_)[A-Za-z0-9_:]*");

  private final Path root = Repo.root();

  @Test
  void dashboards_parse_haveTitleUidPanels_andReferenceOnlyProvisionedDatasources()
      throws IOException {
    Set<String> provisioned = provisionedDatasourceUids();
    assertTrue(provisioned.contains("ouroboros-prometheus"), "provisioned uids: " + provisioned);
    List<Path> dashboards = dashboards();
    assertFalse(dashboards.isEmpty(), "no dashboards in grafana/dashboards/");
    Set<String> dashboardUids = new TreeSet<>();
    for (Path file : dashboards) {
      JsonNode d = JSON.readTree(file.toFile());
      String name = root.relativize(file).toString();
      assertTrue(
          d.path("title").isTextual() && !d.path("title").asText().isBlank(), name + ": no title");
      assertTrue(d.path("uid").isTextual() && !d.path("uid").asText().isBlank(), name + ": no uid");
      assertTrue(dashboardUids.add(d.path("uid").asText()), name + ": duplicate dashboard uid");
      assertTrue(d.path("panels").isArray() && d.path("panels").size() > 0, name + ": no panels");
      assertEquals(39, d.path("schemaVersion").asInt(), name + ": schemaVersion");

      List<String> problems = new ArrayList<>();
      Set<String> referenced = new LinkedHashSet<>();
      collectDatasourceUids(d, "$", referenced, problems);
      Map<String, String> inputs = datasourceInputs(d);
      for (String uid : referenced) {
        String type = inputs.get(uid);
        if (type == null) {
          problems.add(
              "datasource uid "
                  + uid
                  + " is not ${INPUT} of a datasource declared in __inputs "
                  + inputs.keySet());
        } else if (!provisionedTypes().contains(type)) {
          problems.add(uid + " is a " + type + ", which is not provisioned " + provisionedTypes());
        }
      }
      for (JsonNode panel : allPanels(d)) {
        if ("row".equals(panel.path("type").asText())) {
          continue;
        }
        String title = panel.path("title").asText();
        if (!panel.path("datasource").isObject()) {
          problems.add("panel '" + title + "' has no datasource");
        }
        if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
          problems.add("panel '" + title + "' has no queries");
        }
      }
      assertTrue(problems.isEmpty(), name + ":\n  " + String.join("\n  ", problems));
    }
  }

  @Test
  void dashboards_areTheFiveOfTheIssue() throws IOException {
    Set<String> titles = new TreeSet<>();
    for (Path file : dashboards()) {
      titles.add(JSON.readTree(file.toFile()).path("title").asText());
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "Ouroboros / Overview",
                "Ouroboros / Models",
                "Ouroboros / Mitigations",
                "Ouroboros / Topology",
                "Ouroboros / Engine")),
        titles);
  }

  @Test
  void infinityQueries_askTheSimulatorsGraphEndpoint_asComposeServesIt_andTheDatasourceAllows()
      throws IOException {
    JsonNode infinity = provisionedDatasource("ouroboros-infinity");
    List<String> allowed = new ArrayList<>();
    infinity.path("jsonData").path("allowedHosts").forEach(h -> allowed.add(h.asText()));
    assertFalse(allowed.isEmpty(), "the Infinity datasource allows any host: set allowedHosts");
    String graphHost = "sim:" + graphPort(simCommand());
    int queries = 0;
    for (Path file : dashboards()) {
      JsonNode d = JSON.readTree(file.toFile());
      for (JsonNode panel : allPanels(d)) {
        String panelUid = panel.path("datasource").path("uid").asText("");
        for (JsonNode t : panel.path("targets")) {
          String uid = t.path("datasource").path("uid").asText(panelUid);
          if (!"yesoreyeram-infinity-datasource".equals(datasourceInputs(d).get(uid))) {
            continue;
          }
          queries++;
          String where =
              root.relativize(file)
                  + ", panel '"
                  + panel.path("title").asText()
                  + "', query "
                  + t.path("refId").asText();
          String url = t.path("url").asText("");
          URI uri = URI.create(url);
          assertEquals(graphHost, uri.getAuthority(), where + ": the graph endpoint in compose");
          assertTrue(
              allowed.stream().anyMatch(url::startsWith),
              where + ": " + url + " is not in the Infinity datasource's allowedHosts " + allowed);
          String expected =
              switch (t.path("format").asText()) {
                case "node-graph-nodes" -> GraphServer.NODES_PATH;
                case "node-graph-edges" -> GraphServer.EDGES_PATH;
                default -> null;
              };
          assertEquals(
              expected,
              uri.getPath(),
              where
                  + ": format "
                  + t.path("format")
                  + " reads the graph's "
                  + (expected == null ? "?" : expected));
          assertEquals("json", t.path("type").asText(), where + ": type");
          assertEquals("url", t.path("source").asText(), where + ": source");
        }
      }
    }
    assertEquals(
        2, queries, "the topology dashboard's Node Graph: one query for nodes, one for" + " edges");
  }

  @Test
  void everyPanelQuery_readsCataloguedMeters_only() throws IOException {
    assertTrue(MeterCatalogue.bySeriesName("ouroboros_model_risk").isPresent(), "the catalogue");
    for (Path file : dashboards()) {
      JsonNode d = JSON.readTree(file.toFile());
      List<String> problems = new ArrayList<>();
      for (String query : queries(d)) {
        Matcher m = METRIC.matcher(query);
        boolean any = false;
        while (m.find()) {
          any = true;
          if (MeterCatalogue.bySeriesName(m.group()).isEmpty()) {
            problems.add(m.group() + " is not a catalogued meter, in: " + query);
          }
        }
        if (!any) {
          problems.add("reads no meter: " + query);
        }
      }
      assertTrue(
          problems.isEmpty(),
          root.relativize(file)
              + " (see MeterCatalogue and MetricCatalogue):\n  "
              + String.join("\n  ", problems));
    }
  }

  @Test
  void dockerCompose_parses_andEveryMountedHostPathExists() throws IOException {
    JsonNode compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.path("services");
    for (String service : List.of("sim", "prometheus", "grafana")) {
      assertTrue(services.has(service), "docker-compose.yml has no service " + service);
    }
    List<String> mounts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> service = it.next();
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source =
            volume.isTextual() ? volume.asText().split(":", 2)[0] : volume.path("source").asText();
        if (source.startsWith("./") || source.startsWith("../") || source.equals(".")) {
          mounts.add(source);
          assertTrue(
              Files.exists(root.resolve(source).normalize()),
              "service " + service.getKey() + " mounts " + source + ", which is not in the repo");
        }
      }
      JsonNode build = service.getValue().path("build");
      if (!build.isMissingNode()) {
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        assertTrue(
            Files.isRegularFile(root.resolve(context).resolve("Dockerfile")),
            "service " + service.getKey() + " builds " + context + ", which has no Dockerfile");
      }
    }
    assertTrue(mounts.contains("./scenarios"), "the scenarios are not mounted: " + mounts);
    // The scenario the sim service runs is one of the repository's.
    for (JsonNode arg : services.path("sim").path("command")) {
      if (arg.asText().startsWith("/scenarios/")) {
        Path scenario = root.resolve("scenarios").resolve(arg.asText().substring(11));
        assertTrue(Files.isRegularFile(scenario), "no scenario " + scenario);
      }
    }
  }

  @Test
  void dockerComposeSimCommand_parsesAsARun_servingMetricsAndGraphOnEveryAddress_published()
      throws IOException {
    ParseResult run = simCommand();
    for (String option : List.of("--pace", "--hold")) {
      assertTrue(run.hasMatchedOption(option), "the sim service runs without " + option);
    }
    assertEquals(
        "0.0.0.0",
        run.matchedOptionValue("--metrics-host", null),
        "metrics must listen on every address inside the container");
    assertTrue(
        run.hasMatchedOption("--serve-graph") || run.hasMatchedOption("--graph-port"),
        "the sim service does not serve the graph");
    assertEquals(
        "0.0.0.0",
        run.matchedOptionValue("--graph-host", null),
        "the graph must listen on every address inside the container");
    JsonNode sim =
        YAML.readTree(root.resolve("docker-compose.yml").toFile()).path("services").path("sim");
    List<String> ports = new ArrayList<>();
    sim.path("ports").forEach(p -> ports.add(p.asText()));
    int metrics = run.matchedOptionValue("--metrics-port", MetricsServer.DEFAULT_PORT);
    for (int port : List.of(metrics, graphPort(run))) {
      assertTrue(
          ports.contains("127.0.0.1:" + port + ":" + port),
          "port " + port + " is not published on the host's loopback: " + ports);
    }
    String plugins =
        YAML.readTree(root.resolve("docker-compose.yml").toFile())
            .path("services")
            .path("grafana")
            .path("environment")
            .path("GF_INSTALL_PLUGINS")
            .asText();
    String infinityType = provisionedDatasource("ouroboros-infinity").path("type").asText();
    assertTrue(
        plugins.contains(infinityType),
        "grafana does not install " + infinityType + ": GF_INSTALL_PLUGINS=" + plugins);
  }

  @Test
  void dockerfileBuildCommand_isTheOneTheDocsGive() throws IOException {
    // The Maven commands: the dependency layer's (DockerFilesTest), then the build.
    List<String> runs =
        Files.readAllLines(root.resolve("Dockerfile")).stream()
            .map(String::strip)
            .filter(l -> l.startsWith("RUN mvn ") && !l.contains(" dependency:"))
            .map(l -> l.substring(4).strip())
            .collect(Collectors.toList());
    assertEquals(1, runs.size(), "the Dockerfile's Maven build commands: " + runs);
    String page = Files.readString(root.resolve("docs/dashboards.md"));
    assertTrue(
        page.contains("\n" + runs.get(0) + "\n"),
        "docs/dashboards.md does not give the Dockerfile's build command on a line of its own: "
            + runs.get(0));
  }

  @Test
  void prometheusConfig_parses_andScrapesTheSimulator() throws IOException {
    JsonNode config = YAML.readTree(root.resolve("prometheus/prometheus.yml").toFile());
    boolean found = false;
    for (JsonNode job : config.path("scrape_configs")) {
      for (JsonNode sc : job.path("static_configs")) {
        for (JsonNode target : sc.path("targets")) {
          if ("sim:9464".equals(target.asText())) {
            found = true;
            assertEquals("/metrics", job.path("metrics_path").asText("/metrics"));
          }
        }
      }
    }
    assertTrue(found, "prometheus.yml does not scrape sim:9464");
  }

  // ---- helpers ----

  /**
   * The sim service's command, parsed by the simulator's own command line without running it (so
   * every option must exist): the {@code run} subcommand's parse result.
   */
  private ParseResult simCommand() throws IOException {
    JsonNode command =
        YAML.readTree(root.resolve("docker-compose.yml").toFile())
            .path("services")
            .path("sim")
            .path("command");
    List<String> args = new ArrayList<>();
    command.forEach(a -> args.add(a.asText()));
    assertEquals("run", args.isEmpty() ? null : args.get(0), "the sim service's command");
    ParseResult parsed;
    try {
      parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(
          "the sim service's command does not parse: " + args + ": " + e.getMessage(), e);
    }
    assertTrue(parsed.hasSubcommand(), "not a subcommand: " + args);
    return parsed.subcommand();
  }

  /** The port the run's graph endpoint listens on. */
  private static int graphPort(ParseResult run) {
    return run.matchedOptionValue("--graph-port", GraphServer.DEFAULT_PORT);
  }

  /**
   * A dashboard's datasource inputs, as its references write them ({@code ${DS_PROMETHEUS}}), with
   * their plugin ids.
   */
  private static Map<String, String> datasourceInputs(JsonNode dashboard) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (JsonNode in : dashboard.path("__inputs")) {
      if ("datasource".equals(in.path("type").asText())) {
        out.put("${" + in.path("name").asText() + "}", in.path("pluginId").asText());
      }
    }
    return out;
  }

  /** The plugin types of the provisioned datasources. */
  private Set<String> provisionedTypes() throws IOException {
    JsonNode ds =
        YAML.readTree(root.resolve("grafana/provisioning/datasources/datasources.yaml").toFile());
    Set<String> types = new TreeSet<>();
    ds.path("datasources").forEach(d -> types.add(d.path("type").asText()));
    return types;
  }

  /** The provisioned datasource with the given uid. */
  private JsonNode provisionedDatasource(String uid) throws IOException {
    JsonNode ds =
        YAML.readTree(root.resolve("grafana/provisioning/datasources/datasources.yaml").toFile());
    for (JsonNode d : ds.path("datasources")) {
      if (uid.equals(d.path("uid").asText())) {
        return d;
      }
    }
    throw new AssertionError("no datasource with uid " + uid + " is provisioned");
  }

  private Set<String> provisionedDatasourceUids() throws IOException {
    JsonNode ds =
        YAML.readTree(root.resolve("grafana/provisioning/datasources/datasources.yaml").toFile());
    Set<String> uids = new TreeSet<>();
    for (JsonNode d : ds.path("datasources")) {
      String uid = d.path("uid").asText("");
      assertFalse(uid.isBlank(), "a provisioned datasource has no fixed uid: " + d);
      uids.add(uid);
    }
    return uids;
  }

  private List<Path> dashboards() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("grafana/dashboards"))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Every datasource reference anywhere in the dashboard: panels, targets, variables. */
  private static void collectDatasourceUids(
      JsonNode node, String where, Set<String> uids, List<String> problems) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("datasource")) {
          JsonNode ds = e.getValue();
          if (ds.isObject() && ds.path("uid").isTextual()) {
            uids.add(ds.path("uid").asText());
          } else if (!ds.isNull()) {
            problems.add(where + ".datasource is not a reference by uid: " + ds);
          }
        }
        collectDatasourceUids(e.getValue(), where + "." + e.getKey(), uids, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDatasourceUids(node.get(i), where + "[" + i + "]", uids, problems);
      }
    }
  }

  /** The panels, with those nested in rows. */
  private static List<JsonNode> allPanels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      for (JsonNode nested : p.path("panels")) {
        out.add(nested);
      }
    }
    return out;
  }

  /** Every PromQL text of the dashboard: its panels' queries and its query variables' queries. */
  private static List<String> queries(JsonNode dashboard) {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : allPanels(dashboard)) {
      for (JsonNode t : panel.path("targets")) {
        if (t.path("expr").isTextual()) {
          out.add(t.path("expr").asText());
        }
      }
    }
    for (JsonNode v : dashboard.path("templating").path("list")) {
      if (!"query".equals(v.path("type").asText())) {
        continue;
      }
      JsonNode q = v.path("query");
      if (q.isTextual()) {
        out.add(q.asText());
      } else if (q.path("query").isTextual()) {
        out.add(q.path("query").asText());
      }
      if (v.path("definition").isTextual()) {
        out.add(v.path("definition").asText());
      }
    }
    return out;
  }
}
