package ouroboros.sim.engine;

import akka.actor.ActorInitializationException;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ChildFailed;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.model.RetrainReport;
import ouroboros.sim.web.Snapshot;

/**
 * The {@link Clock}'s folded step: the retrain phase of tick t as one {@link AgentProtocol.Step}
 * per agent that also takes tick t + 1's events and publish. It holds what that step took of tick t
 * + 1 (its plan, its items, and its failures) until tick t + 1 starts. Not an actor: the clock
 * calls it from its own messages.
 */
final class Fold {

  /** The lowest-indexed agent whose folded publish failed, and why. */
  record PublishFailure(int agent, String why) {}

  private final ClockSetup setup;
  private final AgentPost post;
  private final List<AgentHandle> agents;
  private final ActorRef<AgentProtocol.Stepped> steppedAdapter;

  /**
   * The next tick's plan when {@link #ask} took it early, and the next tick's items when its
   * publish was asked with this tick's retrain; null otherwise.
   */
  private Schedule.Plan nextPlan;

  private Items[] next;

  /** Why taking the next tick's plan early failed; thrown when that tick starts. Null if not. */
  private RuntimeException nextPlanFailure;

  /**
   * The next tick's failed publish, if any: the run fails when that tick starts, after this tick is
   * observed. Null when none.
   */
  private PublishFailure publishFailure;

  /**
   * Why the next tick fails when it starts, held by {@link #timedOut} when a folded step timed out
   * owing only that tick's settings and publish; null when none.
   */
  private String heldFailure;

  /** The tick that {@link #heldFailure} fails. */
  private int heldTick = -1;

  /** The agents the current folded step asked to retrain, whose report tick t awaits. */
  private final BitSet retraining = new BitSet();

  /**
   * The agents out of the web that were sent a Reconfigure as this tick started ({@link
   * #reconfigure}), which nothing awaits.
   */
  private final BitSet reconfigured = new BitSet();

  Fold(
      ClockSetup setup,
      AgentPost post,
      List<AgentHandle> agents,
      ActorRef<AgentProtocol.Stepped> steppedAdapter) {
    this.setup = setup;
    this.post = post;
    this.agents = agents;
    this.steppedAdapter = steppedAdapter;
  }

  /**
   * Asks tick {@code tick}'s retrain and tick + 1's events and publish as one Step per agent, and
   * marks each agent asked in {@code waiting}, unless tick + 1's plan has two settings changes for
   * one agent or cannot be taken, or an agent sent a Reconfigure as tick {@code tick} started joins
   * the web at tick + 1. Returns false, having asked nothing, when it may not. The clock has
   * checked that nothing may come between the two ticks.
   *
   * <p>A Step carries an agent's settings change of tick + 1 only when the agent publishes at tick
   * + 1: apart, its Publish is then awaited behind the Reconfigure, so its silence or failure there
   * fails tick + 1's publish phase, as the Step's does. Another agent's change (one out of the web
   * at tick + 1, retired there) goes as a Reconfigure when tick + 1 starts ({@link #reconfigure}),
   * as apart, where nothing awaits it: a Step would make tick {@code tick} wait for it. An agent
   * that joins at tick + 1 after such a Reconfigure at tick gets no Step: its Step would wait
   * behind that Reconfigure, and its crash could be either's, which apart meet at tick and at tick
   * + 1.
   */
  boolean ask(int tick, Schedule.Plan plan, Snapshot snapshot, BitSet waiting) {
    Schedule.Plan ahead;
    try {
      ahead = setup.schedule().plan(tick + 1);
    } catch (RuntimeException e) {
      // Tick t + 1's events phase would have failed: fail there, after tick t, as it would have.
      nextPlanFailure = e;
      return false;
    }
    ModelSettings[] settings = new ModelSettings[agents.size()];
    for (Schedule.Change c : ahead.changes()) {
      if (settings[c.agent()] != null) {
        // Two changes for one agent: the plan is taken, so tick t + 1 sends them as it always did.
        nextPlan = ahead;
        return false;
      }
      settings[c.agent()] = c.settings();
    }
    for (int i = reconfigured.nextSetBit(0); i >= 0; i = reconfigured.nextSetBit(i + 1)) {
      if (ahead.isActive(i)) {
        // Joins behind an unawaited Reconfigure: tick t + 1 asks its publish, as apart.
        nextPlan = ahead;
        return false;
      }
    }
    nextPlan = ahead;
    next = new Items[agents.size()];
    retraining.clear();
    for (AgentHandle a : agents) {
      int i = a.index();
      boolean retrain = plan.isActive(i) && a.retrainsAt().test(tick);
      boolean publish = ahead.isActive(i);
      if (!publish) {
        next[i] = Items.empty(setup.web().width());
      }
      if (retrain) {
        retraining.set(i);
      }
      if (retrain || publish) {
        waiting.set(i);
        post.tell(
            a,
            new AgentProtocol.Step(
                tick,
                snapshot,
                retrain,
                publish ? settings[i] : null,
                publish,
                publish ? ahead.rate(i) : AgentProtocol.OWN_RATE,
                steppedAdapter));
      }
    }
    return true;
  }

  /**
   * Tick {@code tick}'s events phase: sends each settings change of {@code plan} that no Step took
   * as a Reconfigure, which nothing awaits. That is every change, unless the previous tick's Steps
   * took this tick's publish; then only those of agents out of the web now (see {@link #ask}).
   */
  void reconfigure(int tick, Schedule.Plan plan) {
    reconfigured.clear();
    for (Schedule.Change c : plan.changes()) {
      boolean out = !plan.isActive(c.agent());
      if (out) {
        reconfigured.set(c.agent());
      }
      if (!active() || out) {
        post.tell(agents.get(c.agent()), new AgentProtocol.Reconfigure(tick, c.settings()));
      }
    }
    post.flush();
  }

  /**
   * Tick {@code tick}'s plan: the one taken early, or the schedule's. Throws why taking it early
   * failed, as tick {@code tick}'s events phase would have.
   */
  Schedule.Plan planOf(int tick) {
    if (nextPlanFailure != null) {
      throw nextPlanFailure;
    }
    Schedule.Plan plan = nextPlan != null ? nextPlan : setup.schedule().plan(tick);
    nextPlan = null;
    return plan;
  }

  /**
   * Why tick {@code tick}'s folded publish failed or timed out, as its publish phase would say;
   * null if not.
   */
  String failureAt(int tick) {
    String held = held(tick);
    if (held != null) {
      return held;
    }
    if (publishFailure == null) {
      return null;
    }
    return ClockFailures.agentFailed(
        agents.get(publishFailure.agent()).id(), Phase.PUBLISH, tick, publishFailure.why());
  }

  /**
   * Takes the crash of agent {@code failed} (its actor stopped) in {@code phase} when that is a
   * folded step that still awaits it only for tick t + 1's settings and publish (it owes no report
   * of tick t): separate phases would have observed tick t and met the crash in tick t + 1's
   * publish, so it counts as that publish's failure ({@link #failureAt}), and the agent is no
   * longer awaited in {@code waiting}. (Apart, a crash later than a phase's timeout into that
   * publish would have been its timeout; the clock cannot tell when the agent's publish half
   * began.) Returns false, taking nothing, for any other crash: outside a folded step, by an agent
   * not awaited or owing tick t's report, or by one that failed to start. (An agent that may still
   * be taking a Reconfigure of tick t gets no Step: see {@link #ask}.) An agent owing tick t's
   * report fails the run at tick t in whichever half it crashed, where apart a crash in the publish
   * half would fail tick t + 1: the clock cannot tell the halves apart, and a real agent's publish
   * half answers an exception as a publish failure, so only a fatal error crashes it there.
   */
  boolean crashed(Phase phase, ChildFailed failed, BitSet waiting) {
    if (!folding(phase) || failed.getCause() instanceof ActorInitializationException) {
      return false;
    }
    AgentHandle a = ClockFailures.agentOf(agents, failed);
    if (a == null || !waiting.get(a.index()) || retraining.get(a.index())) {
      return false;
    }
    waiting.clear(a.index());
    failPublish(a.index(), ClockFailures.describe(failed.getCause()));
    return true;
  }

  /** Keeps the next tick's publish failure of the lowest-indexed agent, which the run names. */
  private void failPublish(int agent, String why) {
    if (publishFailure == null || agent < publishFailure.agent()) {
      publishFailure = new PublishFailure(agent, why);
    }
  }

  /** The next tick's items, all in; the fold is then no longer active. */
  Items[] takeItems() {
    Items[] items = next;
    next = null;
    return items;
  }

  /**
   * Takes an agent's answer to the Step of tick {@code tick}: its report into {@code reports}, its
   * items, or its publish failure. Returns why the run fails now, or null.
   */
  String accept(AgentProtocol.Stepped msg, RetrainReport[] reports, int tick) {
    if (msg.report() != null) {
      reports[msg.agent()] = msg.report();
    }
    if (msg.items() != null) {
      next[msg.agent()] = msg.items();
    } else if (msg.publishFailure() == null && next[msg.agent()] == null) {
      // Asked to publish (an agent not asked has its empty items already): no items, no failure.
      return "agent "
          + agents.get(msg.agent()).id()
          + " answered the step of tick "
          + tick
          + " without the items of tick "
          + (tick + 1);
    }
    if (msg.publishFailure() != null) {
      failPublish(msg.agent(), msg.publishFailure());
    }
    return null;
  }

  /** Whether a folded step's items are awaited or held for the next tick. */
  boolean active() {
    return next != null;
  }

  /** Whether {@code phase} is a folded step: tick t's retrain and tick t + 1's publish. */
  boolean folding(Phase phase) {
    return phase == Phase.RETRAIN && active();
  }

  /** The timeout of {@code phase}: the setup's, or a folded step's {@link #budget}. */
  Duration timeout(Phase phase) {
    return folding(phase) ? budget(setup.phaseTimeout()) : setup.phaseTimeout();
  }

  /**
   * The failure {@link #timedOut} held for tick {@code tick}, whose folded step's budget is spent:
   * what separate phases would have met first, before anything that happens while the tick before
   * is observed; null if none.
   */
  String held(int tick) {
    return tick == heldTick ? heldFailure : null;
  }

  /**
   * Why the run fails when {@code phase} of {@code tick} times out with the agents in {@code
   * silent} unanswered, or null when it does not fail there.
   *
   * <p>A folded step holds what separate phases would have met in two places. When every silent
   * agent was asked only for tick + 1's settings and publish (none owes tick's report), separate
   * phases would have observed tick, then failed when tick + 1's publish started: at once with the
   * publish failure already known (see {@link #accept}), or else when that publish timed out after
   * one phase's timeout, naming the silent agents. This holds that failure and returns null: the
   * clock observes tick, later than separate phases would (the step's budget is spent by then), and
   * fails at tick + 1 ({@link #failureAt}). When a silent agent was asked to retrain, the clock
   * cannot tell which half hangs (separate phases would have timed out at tick, or failed at tick +
   * 1): the timeout of both phases is the failure, and it carries the known publish failure too.
   */
  String timedOut(Phase phase, int tick, BitSet silent) {
    boolean folding = folding(phase);
    if (folding && !silent.intersects(retraining)) {
      heldTick = tick + 1;
      heldFailure =
          publishFailure != null
              ? failureAt(tick + 1)
              : ClockFailures.timedOut(
                  Phase.PUBLISH, tick + 1, false, setup.phaseTimeout(), silent, agents);
      return null;
    }
    String text = ClockFailures.timedOut(phase, tick, folding, timeout(phase), silent, agents);
    return folding && publishFailure != null ? text + "; and " + failureAt(tick + 1) : text;
  }

  /** A folded step's timeout: twice a phase's, at most the longest timer Akka's scheduler takes. */
  static Duration budget(Duration phase) {
    Duration twice = phase.multipliedBy(2);
    Duration longest = Duration.ofSeconds(EngineLimits.MAX_DELAY_SECONDS);
    return twice.compareTo(longest) > 0 ? longest : twice;
  }
}
