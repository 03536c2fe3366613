package ouroboros.agents.human;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import ouroboros.agents.data.AuthorKind;
import ouroboros.agents.data.Batch;
import ouroboros.agents.data.Items;
import ouroboros.agents.domain.Domain;
import ouroboros.agents.rng.RngStreams;
import ouroboros.agents.rng.Streams;
import ouroboros.agents.web.SiteSplitter;
import ouroboros.agents.web.WebView;

/**
 * The logic of a human content source: k items per tick from the truth, or from one community's
 * sub-distribution of it (the people in the tails). Not thread-safe.
 *
 * <p>Laundering: a share of the items can be reposts of synthetic items the source found on the web
 * snapshot of the previous tick (drawn uniformly among its synthetic items). A repost copies the
 * payload and keeps the original's synthetic depth, so its provenance says "synthetic content
 * published by a human"; it loses the original's watermark with probability {@code launderStrip},
 * and is never signed. When the web holds no synthetic item, the source writes its own item
 * instead.
 */
public final class HumanCore {
  /** Candidate draws per repost wanted, before giving up on a mostly human web. */
  private static final int TRIES = 8;

  private final int index;
  private final HumanSettings settings;
  private final Domain domain;
  private final UniformRandomProvider rng;
  private final UniformRandomProvider launderRng;
  private final UniformRandomProvider signRng;
  private final SiteSplitter splitter;
  private final Streams streams;

  /** A human source with agent index {@code index}. */
  public HumanCore(int index, HumanSettings settings, Domain domain, RngStreams streams) {
    this.index = index;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.domain = Objects.requireNonNull(domain, "domain");
    this.streams = new Streams(streams, settings.id());
    this.rng = this.streams.stream("publish");
    this.launderRng = this.streams.stream("launder");
    this.signRng = this.streams.stream("sign");
    this.splitter = new SiteSplitter(settings.publishTo());
  }

  /** The items published at a tick, without a web to repost from. */
  public Items publish(int tick) {
    return publish(tick, null);
  }

  /** The items published at a tick; reposts come from {@code web} (may be null: none). */
  public Items publish(int tick, WebView web) {
    return publish(tick, web, settings.publishRate());
  }

  /**
   * The {@code n} items published at a tick (a timeline's rate for this tick: the population's
   * size), split among the source's sites; reposts come from {@code web} (may be null: none).
   */
  public Items publish(int tick, WebView web, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n is negative: " + n);
    }
    Items out = items(tick, web, n);
    return settings.publishTo().isSingle() ? out : out.withSites(splitter.assign(out.size()));
  }

  /** The n items of a tick, all on the source's first site. */
  private Items items(int tick, WebView web, int n) {
    Items reposts =
        settings.launderShare() > 0 && web != null ? reposts(tick, web, reposts(n)) : null;
    int own = reposts == null ? n : n - reposts.size();
    Batch batch =
        settings.community() == HumanSettings.WHOLE_TRUTH
            ? domain.sampleTruth(own, rng)
            : domain.sampleCommunity(settings.community(), own, rng);
    Items written = Items.uniform(batch, index, AuthorKind.HUMAN, tick, 0, 0f, settings.site());
    if (settings.signedShare() > 0) {
      byte[] flags = new byte[written.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = signRng.nextDouble() < settings.signedShare() ? Items.SIGNED : 0;
      }
      written = written.withFlags(flags);
    }
    return reposts == null || reposts.size() == 0
        ? written
        : Items.concat(List.of(written, reposts), domain.width());
  }

  /** How many of n items are reposts: n times the share, rounded at random to an integer. */
  private int reposts(int n) {
    double x = settings.launderShare() * n;
    int whole = (int) Math.floor(x);
    return whole + (launderRng.nextDouble() < x - whole ? 1 : 0);
  }

  /** Up to {@code want} reposts of synthetic items drawn uniformly from the web. */
  private Items reposts(int tick, WebView web, int want) {
    long size = web.size();
    if (want == 0 || size == 0) {
      return null;
    }
    List<Items> found = new ArrayList<>();
    int have = 0;
    for (int round = 0; round < TRIES && have < want; round++) {
      long[] at = new long[want];
      for (int j = 0; j < want; j++) {
        at[j] = (long) (launderRng.nextDouble() * size);
      }
      Items drawn = web.gather(at);
      int[] synthetic = new int[drawn.size()];
      int m = 0;
      for (int i = 0; i < drawn.size() && have + m < want; i++) {
        if (drawn.synthetic(i)) {
          synthetic[m++] = i;
        }
      }
      if (m > 0) {
        found.add(drawn.select(java.util.Arrays.copyOf(synthetic, m)));
        have += m;
      }
    }
    if (have == 0) {
      return null;
    }
    Items originals = Items.concat(found, domain.width());
    byte[] flags = new byte[have];
    for (int i = 0; i < have; i++) {
      byte f = originals.flagsAt(i);
      if ((f & Items.WATERMARK) != 0 && launderRng.nextDouble() < settings.launderStrip()) {
        f = 0;
      }
      flags[i] = (byte) ((f & ~Items.SIGNED) | Items.LAUNDERED);
    }
    return Items.uniform(originals.payload(), index, AuthorKind.HUMAN, tick, 0, 0f, settings.site())
        .withDepth(originals.depth().clone())
        .withFlags(flags);
  }

  /** Writes the source's state for a checkpoint: its site split and its random streams. */
  public void saveState(DataOutput out) throws IOException {
    out.writeUTF(settings.id());
    splitter.save(out);
    streams.save(out);
  }

  /** Restores what {@link #saveState} wrote into a source just built from the same settings. */
  public void restoreState(DataInput in) throws IOException {
    String id = in.readUTF();
    if (!id.equals(settings.id())) {
      throw new IOException(
          "checkpoint does not match this run: source " + id + ", expected " + settings.id());
    }
    splitter.restore(in);
    streams.restore(in);
  }
}
