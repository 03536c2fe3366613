package ouroboros.sim.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.human.HumanCore;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelCore;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;
import ouroboros.sim.web.Snapshot;
import ouroboros.sim.web.WebStore;

/**
 * A run's engine state restored from a {@link Resumption}: the web (restored into the store the
 * clock will own), the timeline's schedule moved on to the checkpoint's tick, and what each agent
 * needs to be rebuilt. The schedule's position is a function of the tick alone (rates, curves'
 * carries, sources' splits: arithmetic, no sampling), so it is replayed rather than stored: every
 * plan from tick 0 to the checkpoint's is asked for again, and the model settings those plans
 * changed are kept, to be applied to each model, in order, before its state is restored.
 */
public final class Resumed {
  private final Resumption from;
  private final Snapshot snapshot;
  private final Schedule schedule;
  private final Object[] cores;

  private Resumed(Resumption from, Snapshot snapshot, Schedule schedule, Object[] cores) {
    this.from = from;
    this.snapshot = snapshot;
    this.schedule = schedule;
    this.cores = cores;
  }

  /**
   * Restores the web into {@code web}, replays the schedule up to the resumption's tick and
   * restores every agent; throws {@link ResumeRefused} when the checkpoint does not fit the world.
   */
  public static Resumed of(World world, WebStore web, Resumption from) throws ResumeRefused {
    int agents = world.humans().size() + world.models().size();
    if (from.agents().size() != agents) {
      throw new ResumeRefused(
          "the checkpoint holds " + from.agents().size() + " agents, the scenario " + agents);
    }
    Snapshot snapshot;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(from.web()))) {
      snapshot = web.restore(in);
      if (in.available() != 0) {
        throw new ResumeRefused("the checkpoint's web has bytes left after its end");
      }
    } catch (ResumeRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ResumeRefused("the checkpoint's web does not fit the scenario: " + e.getMessage());
    }
    if (snapshot == null || snapshot.tick() != from.tick()) {
      throw new ResumeRefused("the checkpoint's web does not end at tick " + from.tick());
    }
    Schedule schedule = world.timeline().start();
    List<List<ModelSettings>> changes = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      changes.add(new ArrayList<>());
    }
    for (int t = 0; t <= from.tick(); t++) {
      for (Schedule.Change c : schedule.plan(t).changes()) {
        changes.get(c.agent()).add(c.settings());
      }
    }
    Resumed r = new Resumed(from, snapshot, schedule, new Object[agents]);
    r.restoreAgents(world, changes);
    return r;
  }

  /**
   * Builds and restores every agent's core now, before the clock starts, so that a checkpoint whose
   * checksum holds but whose agent state does not fit the scenario is refused before the first
   * tick, naming the agent ({@link ResumeRefused}), rather than failing the run inside an actor. A
   * core depends only on the seed and its own index, so building it here gives the core an actor
   * would have built.
   */
  private void restoreAgents(World world, List<List<ModelSettings>> changes) throws ResumeRefused {
    RngStreams shared = new RngStreams(world.seed());
    int index = 0;
    for (HumanSettings h : world.humans()) {
      RngStreams streams = world.copies() == null ? shared : world.streamsOf(index);
      try (DataInputStream in = input(index)) {
        HumanCore core = new HumanCore(index, h, world.domainOf(index), streams);
        core.restoreState(in);
        done(in, h.id());
        cores[index] = core;
      } catch (IOException | RuntimeException e) {
        throw refused(h.id(), e);
      }
      index++;
    }
    for (ModelSettings m : world.models()) {
      RngStreams streams = world.copies() == null ? shared : world.streamsOf(index);
      try (DataInputStream in = input(index)) {
        ModelCore core = new ModelCore(index, m, world.domainOf(index), streams);
        for (ModelSettings next : changes.get(index)) {
          core.reconfigure(next);
        }
        core.restoreState(in);
        done(in, m.id());
        cores[index] = core;
      } catch (IOException | RuntimeException e) {
        throw refused(m.id(), e);
      }
      index++;
    }
  }

  /** The refusal of agent {@code id}'s state. */
  private ResumeRefused refused(String id, Exception e) {
    return new ResumeRefused(
        "the checkpoint's state of agent "
            + id
            + " (after tick "
            + from.tick()
            + ") does not fit the scenario: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
  }

  /** The checkpoint this state was restored from. */
  public Resumption resumption() {
    return from;
  }

  /** The snapshot of the checkpoint's tick. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The schedule, whose next plan is that of the tick after the checkpoint's. */
  Schedule schedule() {
    return schedule;
  }

  /** Human source {@code index}, restored; handed over once, to the actor that owns it. */
  HumanCore human(int index) {
    HumanCore core = (HumanCore) cores[index];
    cores[index] = null;
    return core;
  }

  /** Model {@code index}, reconfigured as the timeline did and restored; handed over once. */
  ModelCore model(int index) {
    ModelCore core = (ModelCore) cores[index];
    cores[index] = null;
    return core;
  }

  private DataInputStream input(int index) {
    return new DataInputStream(new ByteArrayInputStream(from.agents().get(index)));
  }

  /** Checks that an agent's state was read to its end. */
  private static void done(DataInputStream in, String id) throws IOException {
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes left after the state of " + id);
    }
  }
}
