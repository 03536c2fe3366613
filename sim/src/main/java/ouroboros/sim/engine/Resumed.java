package ouroboros.sim.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.domain.Domain;
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
final class Resumed {
  private final Resumption from;
  private final Snapshot snapshot;
  private final Schedule schedule;
  private final List<List<ModelSettings>> changes;

  private Resumed(
      Resumption from, Snapshot snapshot, Schedule schedule, List<List<ModelSettings>> changes) {
    this.from = from;
    this.snapshot = snapshot;
    this.schedule = schedule;
    this.changes = changes;
  }

  /** Restores the web into {@code web} and replays the schedule up to the resumption's tick. */
  static Resumed of(World world, WebStore web, Resumption from) throws IOException {
    int agents = world.humans().size() + world.models().size();
    if (from.agents().size() != agents) {
      throw new IOException(
          "the checkpoint holds " + from.agents().size() + " agents, the scenario " + agents);
    }
    Snapshot snapshot;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(from.web()))) {
      snapshot = web.restore(in);
      if (in.available() != 0) {
        throw new IOException("corrupt checkpoint: bytes left after the web");
      }
    }
    if (snapshot == null || snapshot.tick() != from.tick()) {
      throw new IOException("corrupt checkpoint: the web does not end at tick " + from.tick());
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
    return new Resumed(from, snapshot, schedule, changes);
  }

  /** The snapshot of the checkpoint's tick. */
  Snapshot snapshot() {
    return snapshot;
  }

  /** The schedule, whose next plan is that of the tick after the checkpoint's. */
  Schedule schedule() {
    return schedule;
  }

  /** Human source {@code index}, built and restored. */
  HumanCore human(int index, HumanSettings h, Domain domain, RngStreams streams) {
    HumanCore core = new HumanCore(index, h, domain, streams);
    try (DataInputStream in = input(index)) {
      core.restoreState(in);
      done(in, h.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return core;
  }

  /** Model {@code index}, built, reconfigured as the timeline did, and restored. */
  ModelCore model(int index, ModelSettings m, Domain domain, RngStreams streams) {
    ModelCore core = new ModelCore(index, m, domain, streams);
    for (ModelSettings next : changes.get(index)) {
      core.reconfigure(next);
    }
    try (DataInputStream in = input(index)) {
      core.restoreState(in);
      done(in, m.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return core;
  }

  private DataInputStream input(int index) {
    return new DataInputStream(new ByteArrayInputStream(from.agents().get(index)));
  }

  /** Checks that an agent's state was read to its end. */
  private static void done(DataInputStream in, String id) throws IOException {
    if (in.available() != 0) {
      throw new IOException("corrupt checkpoint: bytes left after the state of " + id);
    }
  }
}
