package ouroboros.agents.actor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.crawl.UniformCrawl;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.web.WebView;

/** The two agent actors answer the clock's protocol, with a probe as replyTo. */
class GenerativeModelTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  private static GaussianDomain domain() throws Exception {
    return new GaussianDomain(GaussianModel.of(new double[] {0}, new double[][] {{1}}));
  }

  /** A one-site web holding the given items. */
  private static WebView webOf(Items items) {
    return new WebView() {
      @Override
      public int tick() {
        return 0;
      }

      @Override
      public long size() {
        return items.size();
      }

      @Override
      public int width() {
        return 1;
      }

      @Override
      public int siteCount() {
        return 1;
      }

      @Override
      public long siteSize(int site) {
        return items.size();
      }

      @Override
      public long siteItem(int site, long k) {
        return k;
      }

      @Override
      public Items gather(long[] idx) {
        int[] p = java.util.Arrays.stream(idx).mapToInt(i -> (int) i).toArray();
        return items.select(p);
      }
    };
  }

  @Test
  void publishThenRetrain_repliesWithTickAndNewGeneration() throws Exception {
    ModelSettings s =
        ModelSettings.builder("lab", new UniformCrawl(new int[0]))
            .scrape(10)
            .publishRate(4)
            .build();
    ActorRef<AgentProtocol.Command> model =
        KIT.spawn(GenerativeModel.create(3, new ModelCore(3, s, domain(), new RngStreams(1))));
    TestProbe<AgentProtocol.Published> published = KIT.createTestProbe();
    TestProbe<AgentProtocol.Retrained> retrained = KIT.createTestProbe();

    model.tell(new AgentProtocol.Publish(0, null, published.ref()));
    AgentProtocol.Published before = published.receiveMessage();
    assertEquals(0, before.items().size(), "an untrained model publishes nothing");

    double[] v = {-1, 1, -2, 2, 0, 0.5, -0.5, 1.5, -1.5, 0.1};
    Items human = Items.uniform(new Batch(10, 1, v), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0);
    model.tell(new AgentProtocol.Retrain(0, webOf(human), retrained.ref()));
    AgentProtocol.Retrained r = retrained.receiveMessage();
    assertEquals(0, r.tick());
    assertEquals(3, r.agent());
    assertEquals(1, r.report().generation());
    assertEquals(1.0, r.report().composition().humanShare());
    assertFalse(r.report().fitFailed());

    model.tell(new AgentProtocol.Publish(1, null, published.ref()));
    AgentProtocol.Published after = published.receiveMessage();
    assertEquals(4, after.items().size());
    assertEquals(1, after.items().generation()[0]);
    assertEquals(1f, after.items().depth()[0], "1 + mean depth of human training data");
    assertEquals(AuthorKind.MODEL, after.items().kind()[0]);
  }

  @Test
  void step_doesWhatRetrainThenPublishOfTheNextTickDo() throws Exception {
    ModelSettings s =
        ModelSettings.builder("lab", new UniformCrawl(new int[0]))
            .scrape(10)
            .publishRate(4)
            .build();
    double[] v = {-1, 1, -2, 2, 0, 0.5, -0.5, 1.5, -1.5, 0.1};
    WebView web =
        webOf(Items.uniform(new Batch(10, 1, v), 0, AuthorKind.HUMAN, 0, 0, 0f, (short) 0));
    // Two models from the same seed: one asked with Retrain then Publish, the other with one Step.
    ActorRef<AgentProtocol.Command> apart =
        KIT.spawn(GenerativeModel.create(3, new ModelCore(3, s, domain(), new RngStreams(1))));
    ActorRef<AgentProtocol.Command> folded =
        KIT.spawn(GenerativeModel.create(3, new ModelCore(3, s, domain(), new RngStreams(1))));
    TestProbe<AgentProtocol.Published> published = KIT.createTestProbe();
    TestProbe<AgentProtocol.Retrained> retrained = KIT.createTestProbe();
    TestProbe<AgentProtocol.Stepped> stepped = KIT.createTestProbe();

    apart.tell(new AgentProtocol.Retrain(0, web, retrained.ref()));
    apart.tell(new AgentProtocol.Publish(1, web, 3, published.ref()));
    folded.tell(new AgentProtocol.Step(0, web, true, null, true, 3, stepped.ref()));
    AgentProtocol.Retrained r = retrained.receiveMessage();
    AgentProtocol.Published p = published.receiveMessage();
    AgentProtocol.Stepped step = stepped.receiveMessage();

    assertEquals(0, step.tick());
    assertEquals(3, step.agent());
    assertEquals(r.report().generation(), step.report().generation());
    assertEquals(r.report().scraped(), step.report().scraped());
    assertEquals(r.report().evaluation(), step.report().evaluation());
    assertEquals(3, step.items().size());
    assertArrayEquals(p.items().tick(), step.items().tick(), "published at tick 1");
    assertArrayEquals(p.items().generation(), step.items().generation(), "after the retrain");
    assertEquals(p.items().payload(), step.items().payload());

    // Without a retrain or a publish, the Step's reply says so.
    folded.tell(new AgentProtocol.Step(1, web, false, null, false, 0, stepped.ref()));
    AgentProtocol.Stepped idle = stepped.receiveMessage();
    assertNull(idle.report());
    assertNull(idle.items());
  }

  @Test
  void humanSource_publishesKItemsFromTruth() throws Exception {
    ActorRef<AgentProtocol.Command> human =
        KIT.spawn(
            HumanSource.create(
                0,
                new HumanCore(
                    0, new HumanSettings("people", 7, (short) 0), domain(), new RngStreams(1))));
    TestProbe<AgentProtocol.Published> probe = KIT.createTestProbe();
    human.tell(new AgentProtocol.Publish(5, null, probe.ref()));
    AgentProtocol.Published p = probe.receiveMessage();
    assertEquals(5, p.tick());
    assertEquals(7, p.items().size());
    assertEquals(0f, p.items().depth()[6]);
    assertEquals(5, p.items().tick()[0]);
  }

  @Test
  void humanStep_doesWhatPublishOfTheNextTickDoes_everyColumn() throws Exception {
    // Launders (reposts from the web, stamped with the tick) and signs some items.
    HumanSettings s =
        new HumanSettings("people", 8, (short) 0, HumanSettings.WHOLE_TRUTH, 0.5, 0.5, 0.5);
    double[] v = {-1, 1, -2, 2, 0, 0.5, -0.5, 1.5, -1.5, 0.1};
    WebView web =
        webOf(
            Items.constant(
                new Batch(10, 1, v), 2, AuthorKind.MODEL, 0, 3, 1f, Items.WATERMARK, (short) 0));
    ActorRef<AgentProtocol.Command> apart =
        KIT.spawn(HumanSource.create(0, new HumanCore(0, s, domain(), new RngStreams(1))));
    ActorRef<AgentProtocol.Command> folded =
        KIT.spawn(HumanSource.create(0, new HumanCore(0, s, domain(), new RngStreams(1))));
    TestProbe<AgentProtocol.Published> published = KIT.createTestProbe();
    TestProbe<AgentProtocol.Stepped> stepped = KIT.createTestProbe();
    apart.tell(new AgentProtocol.Publish(1, web, 6, published.ref()));
    folded.tell(new AgentProtocol.Step(0, web, false, null, true, 6, stepped.ref()));
    AgentProtocol.Published p = published.receiveMessage();
    AgentProtocol.Stepped step = stepped.receiveMessage();
    assertEquals(0, step.tick());
    assertNull(step.report());
    assertNull(step.publishFailure());
    assertEquals(6, step.items().size());
    assertEquals(1, step.items().tick()[0], "published at tick 1");
    // Every column: payload, author, kind, tick, generation, depth, flags, site.
    assertEquals(p.items(), step.items());
  }

  @Test
  void humanStep_publishFails_answersWithTheFailureAndStaysAlive() throws Exception {
    ouroboros.agents.domain.Domain truth = domain();
    java.util.concurrent.atomic.AtomicInteger draws =
        new java.util.concurrent.atomic.AtomicInteger();
    // Fails the first draw from the truth only.
    ouroboros.agents.domain.Domain failingOnce =
        (ouroboros.agents.domain.Domain)
            java.lang.reflect.Proxy.newProxyInstance(
                ouroboros.agents.domain.Domain.class.getClassLoader(),
                new Class<?>[] {ouroboros.agents.domain.Domain.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("sampleTruth") && draws.incrementAndGet() == 1) {
                    throw new IllegalStateException("injected");
                  }
                  try {
                    return m.invoke(truth, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    ActorRef<AgentProtocol.Command> human =
        KIT.spawn(
            HumanSource.create(
                0,
                new HumanCore(
                    0, new HumanSettings("people", 4, (short) 0), failingOnce, new RngStreams(1))));
    TestProbe<AgentProtocol.Stepped> stepped = KIT.createTestProbe();
    human.tell(
        new AgentProtocol.Step(0, webOf(Items.empty(1)), false, null, true, 3, stepped.ref()));
    AgentProtocol.Stepped failed = stepped.receiveMessage();
    assertEquals(0, failed.tick());
    assertEquals("injected", failed.publishFailure());
    assertNull(failed.items());
    // Still alive: it answers the next command.
    TestProbe<AgentProtocol.Published> published = KIT.createTestProbe();
    human.tell(new AgentProtocol.Publish(1, null, published.ref()));
    assertEquals(4, published.receiveMessage().items().size());
  }
}
