package ouroboros.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.RetrainReport;

/**
 * The clock's contract, with test probes standing in for agents: phases are barriers, a stale reply
 * is ignored, and a phase that times out fails the run naming the silent agents.
 */
class ClockTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  private record Rig(
      ActorRef<Clock.Command> clock,
      TestProbe<AgentProtocol.Command> human,
      TestProbe<AgentProtocol.Command> model,
      TestProbe<RunOutcome> outcome,
      List<TickResult> ticks) {}

  /** A clock with one human probe (index 0) and one model probe (index 1, retrains every tick). */
  private static Rig rig(int ticks, Duration timeout) {
    return rig(ticks, timeout, AgentPost.DIRECT);
  }

  /** {@link #rig(int, Duration)}, reaching the probes through {@code post}. */
  private static Rig rig(int ticks, Duration timeout, AgentPost post) {
    return rig(ticks, timeout, post, t -> true);
  }

  /** {@link #rig(int, Duration, AgentPost)}, the model retraining at the ticks {@code retrains}. */
  private static Rig rig(int ticks, Duration timeout, AgentPost post, IntPredicate retrains) {
    TestProbe<AgentProtocol.Command> human = KIT.createTestProbe();
    TestProbe<AgentProtocol.Command> model = KIT.createTestProbe();
    TestProbe<RunOutcome> outcome = KIT.createTestProbe();
    List<TickResult> seen = new CopyOnWriteArrayList<>();
    ClockSetup setup =
        ScriptedClock.setup(
            ticks,
            timeout,
            seen,
            ctx ->
                List.of(
                    new AgentHandle(0, "people", human.ref(), t -> false),
                    new AgentHandle(1, "lab", model.ref(), retrains)),
            Schedule.NONE,
            post);
    ActorRef<Clock.Command> clock = KIT.spawn(Clock.create(setup));
    clock.tell(new Clock.Start(outcome.ref()));
    return new Rig(clock, human, model, outcome, seen);
  }

  private static Items items(int agent, int n, byte kind) {
    return Items.uniform(new Batch(n, 1, new double[n]), agent, kind, 0, 0, 0f, (short) 0);
  }

  /** A report of the model's (agent 1's) retrain at {@code tick}. */
  private static RetrainReport report(int tick) {
    return ScriptedClock.report(1, tick);
  }

  @Test
  void tick_staleRepliesIgnored_andPhasesAreBarriers() {
    Rig r = rig(2, Duration.ofSeconds(10));
    AgentProtocol.Publish ph = r.human().expectMessageClass(AgentProtocol.Publish.class);
    AgentProtocol.Publish pm = r.model().expectMessageClass(AgentProtocol.Publish.class);
    assertEquals(0, ph.tick());
    // A reply for another tick is stale: ignored, so the clock still waits for the human.
    ph.replyTo().tell(new AgentProtocol.Published(7, 0, items(0, 5, AuthorKind.HUMAN)));
    pm.replyTo().tell(new AgentProtocol.Published(0, 1, items(1, 3, AuthorKind.MODEL)));
    r.model().expectNoMessage(Duration.ofMillis(200));
    ph.replyTo().tell(new AgentProtocol.Published(0, 0, items(0, 5, AuthorKind.HUMAN)));
    // Only now, with every agent in, does the retrain phase start, on the sealed snapshot.
    AgentProtocol.Retrain rt = r.model().expectMessageClass(AgentProtocol.Retrain.class);
    assertEquals(0, rt.tick());
    assertEquals(8, rt.web().size());
    r.human().expectNoMessage(Duration.ofMillis(100));
    // A duplicate publish reply arriving in the retrain phase is stale too.
    pm.replyTo().tell(new AgentProtocol.Published(0, 1, items(1, 3, AuthorKind.MODEL)));
    rt.replyTo().tell(new AgentProtocol.Retrained(0, 1, report(0)));
    // Tick 1 begins only after tick 0 was observed.
    AgentProtocol.Publish next = r.human().expectMessageClass(AgentProtocol.Publish.class);
    assertEquals(1, next.tick());
    assertEquals(1, r.ticks().size());
    assertEquals(8, r.ticks().get(0).published());
    assertEquals(1, r.ticks().get(0).reports().size());
  }

  @Test
  void phase_agentSilent_runFailsNamingIt() {
    Rig r = rig(3, Duration.ofMillis(300));
    AgentProtocol.Publish ph = r.human().expectMessageClass(AgentProtocol.Publish.class);
    r.model().expectMessageClass(AgentProtocol.Publish.class);
    ph.replyTo().tell(new AgentProtocol.Published(0, 0, items(0, 5, AuthorKind.HUMAN)));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertFalse(outcome.completed());
    assertTrue(outcome.failure().contains("publish phase of tick 0"), outcome.failure());
    assertTrue(outcome.failure().contains("no answer from: lab"), outcome.failure());
    assertFalse(outcome.failure().contains("people"), outcome.failure());
    assertEquals(0, outcome.ticksCompleted());
  }

  @Test
  void retrain_modelSilent_runFailsNamingPhaseAndModel() {
    Rig r = rig(3, Duration.ofMillis(300));
    r.human()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 0, items(0, 1, AuthorKind.HUMAN)));
    r.model()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 1, items(1, 1, AuthorKind.MODEL)));
    r.model().expectMessageClass(AgentProtocol.Retrain.class);
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertTrue(
        outcome.failure().startsWith("the retrain phase of tick 0 timed out"), outcome.failure());
    assertTrue(outcome.failure().endsWith("no answer from: lab"), outcome.failure());
  }

  /** A stepping rig's tick 0: both publish; returns the Steps of tick 0, human's then model's. */
  private static List<AgentProtocol.Step> stepsOfTickZero(Rig r) {
    r.human()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 0, items(0, 1, AuthorKind.HUMAN)));
    r.model()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 1, items(1, 1, AuthorKind.MODEL)));
    AgentProtocol.Step sh = r.human().expectMessageClass(AgentProtocol.Step.class);
    AgentProtocol.Step sm = r.model().expectMessageClass(AgentProtocol.Step.class);
    assertTrue(sm.retrain() && sm.publish() && sh.publish() && !sh.retrain());
    return List.of(sh, sm);
  }

  @Test
  void step_takesLongerThanOnePhase_hasTwoPhasesBudget() {
    Rig r = rig(2, Duration.ofMillis(1000), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(0)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    // A stale Stepped (another tick) does not end the phase: the clock still waits for the model.
    steps
        .get(1)
        .replyTo()
        .tell(new AgentProtocol.Stepped(5, 1, report(5), items(1, 1, AuthorKind.MODEL), null));
    // Retrain and publish each within their 1 s, together past one phase's budget (and 0.7 s
    // short of two phases', room for a loaded machine).
    r.model().expectNoMessage(Duration.ofMillis(1300));
    steps
        .get(1)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 1, report(0), items(1, 1, AuthorKind.MODEL), null));
    // Tick 1 is the last: a plain Retrain.
    r.model()
        .expectMessageClass(AgentProtocol.Retrain.class)
        .replyTo()
        .tell(new AgentProtocol.Retrained(1, 1, report(1)));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals("", outcome.failure());
    assertEquals(2, r.ticks().size());
    assertEquals(1, r.ticks().get(0).reports().size());
    assertEquals(0, r.ticks().get(0).reports().get(0).tick());
  }

  @Test
  void step_silent_timeoutNamesBothPhases() {
    Rig r = rig(3, Duration.ofMillis(300), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(0)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals(
        "the retrain phase of tick 0 and the publish phase of tick 1 timed out after 600 ms;"
            + " no answer from: lab",
        outcome.failure());
    assertEquals(0, outcome.ticksCompleted());
  }

  @Test
  void step_longestTimeout_isNotDoubledPastTheScheduler() {
    Rig r = rig(2, Duration.ofSeconds(EngineLimits.MAX_DELAY_SECONDS), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(0)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    steps
        .get(1)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 1, report(0), items(1, 1, AuthorKind.MODEL), null));
    r.model()
        .expectMessageClass(AgentProtocol.Retrain.class)
        .replyTo()
        .tell(new AgentProtocol.Retrained(1, 1, report(1)));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals("", outcome.failure());
  }

  @Test
  void step_answeredWithoutItems_runFailsNamingTheAgent() {
    Rig r = rig(3, Duration.ofSeconds(10), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(0)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    steps.get(1).replyTo().tell(new AgentProtocol.Stepped(0, 1, report(0), null, null));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals(
        "agent lab answered the step of tick 0 without the items of tick 1", outcome.failure());
  }

  @Test
  void step_silentRetrainAfterAFailedPublish_timeoutCarriesTheFailure() {
    Rig r = rig(3, Duration.ofMillis(300), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps.get(0).replyTo().tell(new AgentProtocol.Stepped(0, 0, null, null, "injected"));
    // The model owes tick 0's report: which half hangs is unknown, so the timeout of both phases
    // fails the run at tick 0, and names the publish failure already known.
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals(
        "the retrain phase of tick 0 and the publish phase of tick 1 timed out after 600 ms;"
            + " no answer from: lab; and agent people failed in the publish phase of tick 1:"
            + " injected",
        outcome.failure());
    assertEquals(0, outcome.ticksCompleted());
    assertEquals(0, r.ticks().size());
  }

  @Test
  void step_silentPublishAfterAFailedPublish_observesTheTickThenFailsWithTheFailure() {
    Rig r = rig(3, Duration.ofMillis(300), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps.get(1).replyTo().tell(new AgentProtocol.Stepped(0, 1, report(0), null, "injected"));
    // The human owes only tick 1's publish: separate phases would have observed tick 0, then
    // failed at once when the model's publish of tick 1 threw.
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals("agent lab failed in the publish phase of tick 1: injected", outcome.failure());
    assertEquals(1, outcome.ticksCompleted());
    assertEquals(1, r.ticks().size());
    assertEquals(0, r.ticks().get(0).reports().get(0).tick());
  }

  @Test
  void step_severalPublishesFail_theLowestAgentIsNamed() {
    // In either order of arrival, the human (index 0) is named, not the first or last to answer.
    for (int first : new int[] {0, 1}) {
      Rig r = rig(3, Duration.ofSeconds(10), AgentPost.STEPPING);
      List<AgentProtocol.Step> steps = stepsOfTickZero(r);
      for (int agent : new int[] {first, 1 - first}) {
        steps
            .get(agent)
            .replyTo()
            .tell(
                new AgentProtocol.Stepped(
                    0, agent, agent == 1 ? report(0) : null, null, "bug " + agent));
      }
      RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
      assertEquals("agent people failed in the publish phase of tick 1: bug 0", outcome.failure());
      assertEquals(1, outcome.ticksCompleted());
    }
  }

  @Test
  void step_silentPublish_observesTheTickThenFailsAsItsPublishWould() {
    // Separate phases: tick 0 is observed, then tick 1's publish times out on the silent human.
    Rig direct = rig(3, Duration.ofMillis(300));
    direct
        .human()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 0, items(0, 1, AuthorKind.HUMAN)));
    direct
        .model()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(0, 1, items(1, 1, AuthorKind.MODEL)));
    direct
        .model()
        .expectMessageClass(AgentProtocol.Retrain.class)
        .replyTo()
        .tell(new AgentProtocol.Retrained(0, 1, report(0)));
    direct
        .model()
        .expectMessageClass(AgentProtocol.Publish.class)
        .replyTo()
        .tell(new AgentProtocol.Published(1, 1, items(1, 1, AuthorKind.MODEL)));
    RunOutcome separate =
        direct.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    // A folded step: the model answers, the human (not asked to retrain) stays silent, so the
    // hang is in tick 1's publish: the same failure, after tick 0 is observed.
    Rig r = rig(3, Duration.ofMillis(300), AgentPost.STEPPING);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(1)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 1, report(0), items(1, 1, AuthorKind.MODEL), null));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals(
        "the publish phase of tick 1 timed out after 300 ms; no answer from: people",
        separate.failure());
    assertEquals(separate.failure(), outcome.failure());
    assertEquals(1, separate.ticksCompleted());
    assertEquals(1, outcome.ticksCompleted());
    assertEquals(1, r.ticks().size());
    assertEquals(0, r.ticks().get(0).reports().get(0).tick());
  }

  @Test
  void step_silentPublishAfterAnEarlierRetrain_observesTheTick() {
    // The model retrains only at tick 0: tick 1's step asks it to publish tick 2, not to retrain,
    // so its silence there owes no report of tick 1 (the fold forgets tick 0's retrainers).
    Rig r = rig(4, Duration.ofMillis(300), AgentPost.STEPPING, t -> t == 0);
    List<AgentProtocol.Step> steps = stepsOfTickZero(r);
    steps
        .get(0)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    steps
        .get(1)
        .replyTo()
        .tell(new AgentProtocol.Stepped(0, 1, report(0), items(1, 1, AuthorKind.MODEL), null));
    AgentProtocol.Step sh = r.human().expectMessageClass(AgentProtocol.Step.class);
    AgentProtocol.Step sm = r.model().expectMessageClass(AgentProtocol.Step.class);
    assertEquals(1, sm.tick());
    assertTrue(sm.publish() && !sm.retrain());
    sh.replyTo().tell(new AgentProtocol.Stepped(1, 0, null, items(0, 1, AuthorKind.HUMAN), null));
    RunOutcome outcome = r.outcome().expectMessageClass(RunOutcome.class, Duration.ofSeconds(5));
    assertEquals(
        "the publish phase of tick 2 timed out after 300 ms; no answer from: lab",
        outcome.failure());
    assertEquals(2, outcome.ticksCompleted());
    assertEquals(2, r.ticks().size());
  }
}
