package ouroboros.sim.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.human.HumanSettings;
import ouroboros.agents.model.ModelSettings;
import ouroboros.agents.rng.RngStreams;

/**
 * What the engine runs: the domain, the sites, and each agent's settings in canonical order (humans
 * first, then models, each in file order). A world holds compiled settings only; the scenario side
 * compiles one from a scenario ({@code ouroboros.sim.scenario.compile}).
 *
 * @param name the scenario's name, for messages and outputs
 * @param seed the seed this run uses
 * @param ticks the number of ticks
 * @param domain the domain
 * @param sites site ids; an agent's site is an index into this list
 * @param siteWeights each site's base traffic weight, in site order
 * @param siteAttachments each site's attachment, in site order
 * @param humans human sources, agent indices 0..H-1
 * @param models models, agent indices H..H+M-1
 * @param retention ticks the web keeps, 0 for all
 * @param phaseTimeout how long a phase waits
 * @param timeline when agents enter and leave, and what changes when
 * @param groups each model's output group (its population, or "models"), in model order
 * @param perModelRows which models get per-model rows: all, sample, none or auto
 * @param sampleSize models a sample keeps
 * @param copies the independent copies the world is made of, each with its own domain and seed;
 *     null for a world of one piece, whose agents all see {@code domain} and streams of {@code
 *     seed}
 */
public record World(
    String name,
    long seed,
    int ticks,
    Domain domain,
    List<String> sites,
    double[] siteWeights,
    double[] siteAttachments,
    List<HumanSettings> humans,
    List<ModelSettings> models,
    int retention,
    Duration phaseTimeout,
    Timeline timeline,
    List<String> groups,
    String perModelRows,
    int sampleSize,
    CopyPlan copies) {

  /** A world of one piece, without copies. */
  public World(
      String name,
      long seed,
      int ticks,
      Domain domain,
      List<String> sites,
      double[] siteWeights,
      double[] siteAttachments,
      List<HumanSettings> humans,
      List<ModelSettings> models,
      int retention,
      Duration phaseTimeout,
      Timeline timeline,
      List<String> groups,
      String perModelRows,
      int sampleSize) {
    this(
        name,
        seed,
        ticks,
        domain,
        sites,
        siteWeights,
        siteAttachments,
        humans,
        models,
        retention,
        phaseTimeout,
        timeline,
        groups,
        perModelRows,
        sampleSize,
        null);
  }

  /** Checks the references and copies the lists and arrays. */
  public World {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    sites = List.copyOf(sites);
    siteWeights = siteWeights.clone();
    siteAttachments = siteAttachments.clone();
    if (siteWeights.length != sites.size() || siteAttachments.length != sites.size()) {
      throw new IllegalArgumentException(
          "site weights and attachments must have one value per"
              + " site ("
              + sites.size()
              + "): "
              + siteWeights.length
              + " and "
              + siteAttachments.length);
    }
    humans = List.copyOf(humans);
    models = List.copyOf(models);
    Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    Objects.requireNonNull(timeline, "timeline");
    groups = List.copyOf(groups);
    Objects.requireNonNull(perModelRows, "perModelRows");
    if (copies != null && copies.agentCopy().length != humans.size() + models.size()) {
      throw new IllegalArgumentException(
          "one copy per agent: "
              + copies.agentCopy().length
              + " for "
              + (humans.size() + models.size()));
    }
  }

  /** The domain agent {@code agent} sees: its copy's, or the world's. */
  public Domain domainOf(int agent) {
    return copies == null ? domain : copies.domainOf(agent);
  }

  /** The random streams of agent {@code agent}: its copy's, or the world's. */
  public RngStreams streamsOf(int agent) {
    return copies == null ? new RngStreams(seed) : copies.streamsOf(agent);
  }

  /** The same world on another domain (tests inject failing domains this way). */
  public World withDomain(Domain other) {
    return new World(
        name,
        seed,
        ticks,
        other,
        sites,
        siteWeights,
        siteAttachments,
        humans,
        models,
        retention,
        phaseTimeout,
        timeline,
        groups,
        perModelRows,
        sampleSize,
        copies == null
            ? null
            : new CopyPlan(
                copies.first(),
                copies.seeds(),
                java.util.Collections.nCopies(copies.count(), other),
                copies.agentCopy()));
  }

  /** Each site's base traffic weight, in site order (a copy). */
  @Override
  public double[] siteWeights() {
    return siteWeights.clone();
  }

  /** Each site's attachment, in site order (a copy). */
  @Override
  public double[] siteAttachments() {
    return siteAttachments.clone();
  }

  /** Number of agents. */
  public int agentCount() {
    return humans.size() + models.size();
  }

  /** The id of agent {@code index}. */
  public String agentId(int index) {
    return index < humans.size() ? humans.get(index).id() : models.get(index - humans.size()).id();
  }
}
