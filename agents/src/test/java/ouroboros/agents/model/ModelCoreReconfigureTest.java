package ouroboros.agents.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.crawl.UniformCrawl;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.gaussian.GaussianDomain;
import ouroboros.agents.domain.gaussian.GaussianModel;
import ouroboros.agents.pipeline.Regime;
import ouroboros.agents.pipeline.Stage;
import ouroboros.agents.pipeline.StagePlan;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.web.SiteMix;

/**
 * A timeline's run-time changes to a model: its publish rate comes with each publish, its other
 * settings with a reconfiguration that keeps what did not change (a pipeline stage whose plan is
 * the same object) and refuses to change what defines the model.
 */
class ModelCoreReconfigureTest {
  private static final GaussianDomain DOMAIN = domain();

  /** The standard normal truth in one dimension. */
  private static GaussianDomain domain() {
    try {
      return new GaussianDomain(GaussianModel.of(new double[] {0}, new double[][] {{1}}));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A pass-through stage plan that counts the stages it builds. */
  private static final class Counting implements StagePlan {
    int built;

    @Override
    public Stage create(ouroboros.agents.pipeline.StageEnv env) {
      built++;
      return new Stage() {
        @Override
        public String name() {
          return "count";
        }

        @Override
        public Output apply(ouroboros.agents.pipeline.TrainingData in) {
          return Output.filtered(in);
        }
      };
    }
  }

  private static ModelSettings settings(Regime regime, List<StagePlan> pipeline, SiteMix mix) {
    return ModelSettings.builder("lab", new UniformCrawl(new int[0]))
        .regime(regime)
        .scrape(10)
        .publishRate(4)
        .initial(Initial.TRUTH)
        .baselineCap(0)
        .pipeline(pipeline)
        .publishTo(mix)
        .build();
  }

  @Test
  void reconfigure_samePlanKept_changedPlanBuiltAnew() {
    Counting kept = new Counting();
    Counting first = new Counting();
    Counting second = new Counting();
    SiteMix mix = SiteMix.single((short) 0);
    ModelCore core =
        new ModelCore(
            0, settings(Regime.REPLACE, List.of(kept, first), mix), DOMAIN, new RngStreams(1));
    core.reconfigure(settings(Regime.REPLACE, List.of(kept, second), mix));
    assertEquals(1, kept.built, "the same plan: the stage is kept");
    assertEquals(1, first.built);
    assertEquals(1, second.built, "a new plan: a new stage");
  }

  @Test
  void reconfigure_regimeChange_refused() {
    SiteMix mix = SiteMix.single((short) 0);
    ModelCore core =
        new ModelCore(0, settings(Regime.REPLACE, List.of(), mix), DOMAIN, new RngStreams(1));
    assertThrows(
        IllegalArgumentException.class,
        () -> core.reconfigure(settings(Regime.ACCUMULATE, List.of(), mix)));
  }

  @Test
  void publish_rateFromTheTimeline_splitAmongTheMix() {
    SiteMix mix = new SiteMix(new short[] {2, 0}, new double[] {0.75, 0.25});
    ModelCore core =
        new ModelCore(5, settings(Regime.REPLACE, List.of(), mix), DOMAIN, new RngStreams(1));
    Items out = core.publish(0, 8);
    assertEquals(8, out.size(), "the rate given, not the setting's 4");
    assertArrayEquals(new short[] {2, 2, 0, 2, 2, 2, 0, 2}, out.site());
    assertEquals(0, core.publish(1, 0).size());
  }
}
