package ouroboros.sim.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import ouroboros.agents.data.Items;

/**
 * Who trained on whom over one window of ticks: for each model, what its training sets were made
 * of, by author (ARCHITECTURE.md, "Topology"). Immutable.
 *
 * <p>Authors are agent indices in canonical order (human sources 0..H-1, then models H..H+M-1) or
 * {@link Items#ARCHIVE} for fresh data drawn from the truth. For model i:
 *
 * <ul>
 *   <li>the edge weight w_ij is the share of i's training items authored by model j (j = i is a
 *       self-loop: a model that scrapes its own output);
 *   <li>the human share h_i is the share of items of synthetic depth 0. Only human sources and the
 *       archive author depth-0 items (a model's output has depth at least 1);
 *   <li>the laundered share is the share authored by a human source (or the archive) with depth
 *       above 0: synthetic content that a person reposted. It is neither a model edge nor human
 *       input: the analysis treats it as synthetic data of unknown origin.
 * </ul>
 *
 * <p>The three add up to 1. A {@link Composition} counts items by author and counts depth-0 items,
 * so the laundered count is the human authors' count minus the depth-0 count.
 *
 * @param start the window's first tick
 * @param end the window's last tick
 * @param humans the human sources' ids, by agent index
 * @param models the models' ids, in canonical order (model k is agent H + k)
 * @param inputs what each model trained on, by model
 * @param presence whether each model is in the web in this window, by model (a timeline releases
 *     and retires models)
 */
public record InteractionGraph(
    int start,
    int end,
    List<String> humans,
    List<String> models,
    List<Input> inputs,
    List<Presence> presence) {

  /** Node id of the archive that fresh human data comes from; agent ids cannot start with ~. */
  public static final String ARCHIVE_ID = "~archive";

  /** Whether a model is in the web during a window. */
  public enum Presence {
    /** In the web at the window's end. */
    IN,
    /** Released after the window's end: not in the web yet, so left out of the files. */
    NOT_YET,
    /** Retired at or before the window's end. */
    RETIRED
  }

  /** A graph in which every model is in the web. */
  public InteractionGraph(
      int start, int end, List<String> humans, List<String> models, List<Input> inputs) {
    this(
        start,
        end,
        humans,
        models,
        inputs,
        java.util.Collections.nCopies(models.size(), Presence.IN));
  }

  /** Checks the lists. */
  public InteractionGraph {
    humans = List.copyOf(humans);
    models = List.copyOf(models);
    inputs = List.copyOf(inputs);
    presence = List.copyOf(presence);
    if (inputs.size() != models.size() || presence.size() != models.size()) {
      throw new IllegalArgumentException(
          "inputs has "
              + inputs.size()
              + " entries and presence "
              + presence.size()
              + ", expected one per model: "
              + models.size());
    }
    int agents = humans.size() + models.size();
    for (Input in : inputs) {
      for (int a : in.authors) {
        if (a != Items.ARCHIVE && (a < 0 || a >= agents)) {
          throw new IllegalArgumentException("author is not an agent index: " + a);
        }
      }
    }
  }

  /**
   * What one model trained on in a window: item counts pooled over its successful retrains in the
   * window, or, when it had none there, its latest successful retrain before the window ({@code
   * carried}): for a model that starts as the truth or as a fit on truth samples, until its first
   * successful retrain, its state before tick 0 (see {@link GraphWindow}); {@link #NONE} before its
   * first successful fit. Its arrays are shared with the model's lane (which replaces them, never
   * writes them) and with every reader: nobody writes them.
   *
   * @param authors authors, ascending ({@link Items#ARCHIVE} first)
   * @param counts items from each author
   * @param human items of synthetic depth 0
   * @param items all items
   * @param depth mean synthetic depth of the items; NaN without items
   * @param retrains retrains pooled
   * @param lastTick tick of the latest retrain pooled, or -1
   * @param carried whether the input comes from before the window
   */
  public record Input(
      int[] authors,
      long[] counts,
      long human,
      long items,
      double depth,
      int retrains,
      int lastTick,
      boolean carried) {

    /** A model that has not trained yet. */
    public static final Input NONE =
        new Input(new int[0], new long[0], 0, 0, Double.NaN, 0, -1, false);

    /** Checks the counts. */
    public Input {
      authors = authors.clone();
      counts = counts.clone();
      if (authors.length != counts.length) {
        throw new IllegalArgumentException(
            "authors and counts differ in length: " + authors.length + " and " + counts.length);
      }
      long sum = 0;
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] < 0 || (k > 0 && authors[k] <= authors[k - 1])) {
          throw new IllegalArgumentException(
              "authors are not ascending with counts of at least"
                  + " 0: "
                  + Arrays.toString(authors)
                  + " "
                  + Arrays.toString(counts));
        }
        sum += counts[k];
      }
      if (sum != items || human < 0 || human > items) {
        throw new IllegalArgumentException(
            "counts sum to "
                + sum
                + " with "
                + human
                + " human items, expected "
                + items
                + " items and at most that many human");
      }
    }

    /** Counts from one retrain, with the mean depth of its training set. */
    public static Input of(int[] authors, long[] counts, long human, double depth) {
      return new Input(authors, counts, human, Arrays.stream(counts).sum(), depth, 1, -1, false);
    }

    /** Whether the model has trained: it has a composition. */
    public boolean known() {
      return items > 0;
    }

    /** The share of items authored by {@code author}. */
    public double share(int author) {
      int k = Arrays.binarySearch(authors, author);
      return k < 0 ? 0 : (double) counts[k] / items;
    }

    /** h: the share of items of synthetic depth 0; NaN without items. */
    public double humanShare() {
      return known() ? (double) human / items : Double.NaN;
    }

    /** The share of items authored by human sources or the archive, given H human sources. */
    public double humanAuthoredShare(int humanSources) {
      long n = 0;
      for (int k = 0; k < authors.length && authors[k] < humanSources; k++) {
        n += counts[k];
      }
      return known() ? (double) n / items : Double.NaN;
    }

    /** Synthetic items a human source reposted: human-authored share minus human share. */
    public double launderedShare(int humanSources) {
      return Math.max(0, humanAuthoredShare(humanSources) - humanShare());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Input i
          && Arrays.equals(authors, i.authors)
          && Arrays.equals(counts, i.counts)
          && human == i.human
          && items == i.items
          && Double.compare(depth, i.depth) == 0
          && retrains == i.retrains
          && lastTick == i.lastTick
          && carried == i.carried;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(authors), Arrays.hashCode(counts), human, items);
    }

    @Override
    public String toString() {
      return "Input[authors="
          + Arrays.toString(authors)
          + ", counts="
          + Arrays.toString(counts)
          + ", human="
          + human
          + ", items="
          + items
          + ", depth="
          + depth
          + "]";
    }
  }

  /** The number of human sources, H. */
  public int humanCount() {
    return humans.size();
  }

  /** The agent index of model {@code k}. */
  public int agentOf(int model) {
    return humans.size() + model;
  }

  /** The node id of an author: an agent's id, or {@link #ARCHIVE_ID}. */
  public String idOf(int author) {
    if (author == Items.ARCHIVE) {
      return ARCHIVE_ID;
    }
    return author < humans.size() ? humans.get(author) : models.get(author - humans.size());
  }

  /** Whether an author is a human source or the archive. */
  public boolean isHuman(int author) {
    return author < humans.size();
  }

  /** Whether some model drew fresh data from the archive in this window. */
  public boolean usesArchive() {
    return inputs.stream().anyMatch(in -> in.share(Items.ARCHIVE) > 0);
  }

  /**
   * Whether model {@code i} is drawn in this window's files: not when it is not released yet, nor
   * when it retired before the window began and no model trained on its output in the window. A
   * model trains in the window when it is in the web, or retired but retrained in the window; the
   * frozen last input of a model retired before the window does not keep others in it (two models
   * that read each other and retired together stayed a closed class to the end of the run). O(E)
   * for a retired model: {@link GraphAnalysis#shown} answers for every model at once.
   */
  public boolean shown(int i) {
    return trainsInWindow(i) || presence.get(i) == Presence.RETIRED && feeds(i);
  }

  /**
   * Whether model {@code k}'s input belongs to this window: it is in the web, or it retired but
   * retrained in the window.
   */
  public boolean trainsInWindow(int k) {
    return switch (presence.get(k)) {
      case IN -> true;
      case NOT_YET -> false;
      case RETIRED -> inputs.get(k).lastTick() >= start;
    };
  }

  /** Whether some other model's input in this window holds model {@code i}'s output. */
  private boolean feeds(int i) {
    int author = agentOf(i);
    for (int k = 0; k < inputs.size(); k++) {
      if (k != i && trainsInWindow(k) && inputs.get(k).share(author) > 0) {
        return true;
      }
    }
    return false;
  }

  /** w_ij: the share of model i's training items authored by model j (0-based models). */
  public double weight(int i, int j) {
    Input in = inputs.get(i);
    return in.known() ? in.share(agentOf(j)) : 0;
  }
}
