package ouroboros.sim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ouroboros.sim.cli.Main;
import ouroboros.sim.testing.Repo;

/**
 * The live graph endpoint on an ephemeral port: the whole document, the nodes and the edges apart
 * (as Infinity's Node Graph formats read them), errors, and a held run serving its last window.
 */
@Tag("slow")
class GraphEndpointTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void server_servesGraphNodesAndEdges() throws Exception {
    AtomicReference<GraphAnalysis> current = new AtomicReference<>();
    try (GraphServer server =
        GraphServer.start(InetAddress.getLoopbackAddress(), 0, current::get)) {
      String base = server.url("");
      assertTrue(base.startsWith("http://127.0.0.1:"), base);
      JsonNode before = JSON.readTree(get(base + "/graph").body());
      assertTrue(before.path("window").isNull());
      assertEquals(0, before.path("nodes").size());

      current.set(Graphs.closedPairAndHumans());
      HttpResponse<String> graph = get(base + "/graph");
      assertEquals(200, graph.statusCode());
      assertTrue(
          graph.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode doc = JSON.readTree(graph.body());
      assertEquals(5, doc.path("nodes").size());
      assertEquals(JSON.readTree(JSON.writeValueAsString(GraphJson.toMap(current.get()))), doc);
      JsonNode nodes = JSON.readTree(get(base + "/graph/nodes").body());
      assertTrue(nodes.isArray());
      assertEquals(doc.path("nodes"), nodes);
      JsonNode edges = JSON.readTree(get(base + "/graph/edges").body());
      assertEquals(doc.path("edges"), edges);

      assertEquals(404, get(base + "/other").statusCode());
      HttpResponse<String> post =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/graph"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
  }

  @Test
  @Timeout(120)
  void heldRun_servesItsLastWindow(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("graph-test.yaml");
    Files.writeString(
        file,
        """
        name: graph-test
        seed: 7
        ticks: 20
        domain: {type: gaussian, dimensions: 1, mean: [0.0], variance: [1.0]}
        web: {retention: 1}
        sites: [{id: forum}, {id: blog}]
        humans:
          - {id: people, publish-rate: 20, site: forum}
        models:
          - {id: lab, regime: replace, initial: truth, scrape: 20, publish-rate: 20,
             site: blog}
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "run",
                          file.toString(),
                          "--quiet",
                          "--out",
                          tmp.resolve("run").toString(),
                          "--metrics-port",
                          "0",
                          "--graph-port",
                          "0",
                          "--hold"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))),
            "held-graph-run");
    runner.start();
    String url;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!out.toString().contains("holding: ")) {
        assertTrue(runner.isAlive() && System.nanoTime() < deadline, out + " " + err);
        Thread.sleep(50);
      }
      Matcher m =
          Pattern.compile("graph: (http://127\\.0\\.0\\.1:\\d+/graph)").matcher(out.toString());
      assertTrue(m.find(), out.toString());
      url = m.group(1);
      JsonNode doc = JSON.readTree(get(url).body());
      assertEquals(10, doc.path("window").path("start").asInt());
      assertEquals(19, doc.path("window").path("end").asInt());
      JsonNode lab = doc.path("nodes").get(1);
      assertEquals("lab", lab.path("id").asText());
      assertEquals(
          "bounded",
          lab.path("subtitle").asText(),
          "the lab crawls the forum and its own blog: half human data");
    } finally {
      runner.interrupt();
      runner.join(30_000);
    }
    assertFalse(runner.isAlive());
    assertEquals(0, code.get(), err.toString());
    assertThrows(ConnectException.class, () -> get(url), "the server closes when the hold ends");
  }

  @Test
  void run_graphPortOutOfRange_badInputBeforeTickZero(@TempDir Path tmp) {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "run",
              Repo.scenario("quickstart.yaml").toString(),
              "--quiet",
              "--out",
              tmp.resolve("run").toString(),
              "--graph-port",
              "70000"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertEquals(
        "error: --graph-port: found 70000, expected a port from 0 to 65535",
        err.toString().strip());
    assertFalse(Files.exists(tmp.resolve("run")), "nothing ran");
  }
}
