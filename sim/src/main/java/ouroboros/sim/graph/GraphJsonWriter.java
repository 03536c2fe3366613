package ouroboros.sim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@link GraphJson}'s document, streamed in one pass: the one place that says what it holds. The
 * files (graph/*.json) are written straight from here, since each 10-tick block of thousands of
 * models would otherwise build a map per node and edge on the graph writer's thread and serialise
 * it through Jackson's map serialiser; the live feed and the endpoint read it back as maps ({@link
 * GraphJson#toMap}). The keys are encoded once, and so is each level's indentation; the bytes are
 * those of the indenting mapper writing {@link GraphJson#toMap} (GraphJsonTest compares them).
 */
public final class GraphJsonWriter {
  // The keys of the streamed document, encoded once (SerializedString keeps their quoted bytes).
  private static final SerializedString ARC__HUMAN = new SerializedString("arc__human");
  private static final SerializedString ARC__LAUNDERED = new SerializedString("arc__laundered");
  private static final SerializedString ARC__MODEL = new SerializedString("arc__model");
  private static final SerializedString CLASSES = new SerializedString("classes");
  private static final SerializedString CLOSED_WITHOUT_HUMAN =
      new SerializedString("closed-without-human");
  private static final SerializedString DETAIL__ANCESTRY = new SerializedString("detail__ancestry");
  private static final SerializedString DETAIL__CLASS = new SerializedString("detail__class");
  private static final SerializedString DETAIL__CLOSED_CLASS =
      new SerializedString("detail__closed_class");
  private static final SerializedString DETAIL__DEPTH = new SerializedString("detail__depth");
  private static final SerializedString DETAIL__HUMAN_SHARE =
      new SerializedString("detail__human_share");
  private static final SerializedString DETAIL__ITEMS = new SerializedString("detail__items");
  private static final SerializedString DETAIL__KIND = new SerializedString("detail__kind");
  private static final SerializedString DETAIL__LAST_RETRAIN =
      new SerializedString("detail__last_retrain");
  private static final SerializedString DETAIL__LAUNDERED_SHARE =
      new SerializedString("detail__laundered_share");
  private static final SerializedString DETAIL__PREDICTED =
      new SerializedString("detail__predicted");
  private static final SerializedString DETAIL__RETRAINS = new SerializedString("detail__retrains");
  private static final SerializedString EDGES = new SerializedString("edges");
  private static final SerializedString END = new SerializedString("end");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString MAINSTAT = new SerializedString("mainstat");
  private static final SerializedString MEMBERS = new SerializedString("members");
  private static final SerializedString NODES = new SerializedString("nodes");
  private static final SerializedString SECONDARYSTAT = new SerializedString("secondarystat");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString START = new SerializedString("start");
  private static final SerializedString SUBTITLE = new SerializedString("subtitle");
  private static final SerializedString TARGET = new SerializedString("target");
  private static final SerializedString TITLE = new SerializedString("title");
  private static final SerializedString WINDOW = new SerializedString("window");
  private static final SerializedString[] HUMAN_NULLS = {
    DETAIL__HUMAN_SHARE,
    DETAIL__LAUNDERED_SHARE,
    DETAIL__CLASS,
    DETAIL__CLOSED_CLASS,
    DETAIL__ITEMS,
    DETAIL__RETRAINS,
    DETAIL__LAST_RETRAIN
  };

  private GraphJsonWriter() {}

  /**
   * The document as {@code mapper} (an indenting one, as {@code Yaml.json()}) writes {@link
   * #toMap}, with a final newline: streamed by {@link #write}, with the default pretty printer's
   * layout but each line's indentation written as ready bytes ({@link Indent}) rather than char by
   * char. {@code sizeHint} sizes the buffer.
   */
  public static byte[] bytes(ObjectMapper mapper, GraphAnalysis a, int sizeHint)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, sizeHint));
    DefaultPrettyPrinter layout = new DefaultPrettyPrinter().withObjectIndenter(new Indent());
    try (JsonGenerator gen = mapper.writer(layout).createGenerator(out)) {
      write(gen, a);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * {@link DefaultIndenter}'s object indentation (a line break, then two spaces a level), each
   * level's text encoded once.
   */
  private static final class Indent implements DefaultPrettyPrinter.Indenter {
    private static final DefaultIndenter DEFAULT = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;
    private static final SerializedString[] LEVELS = new SerializedString[16];

    static {
      for (int l = 0; l < LEVELS.length; l++) {
        LEVELS[l] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(l));
      }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
      if (level >= 0 && level < LEVELS.length) {
        g.writeRaw(LEVELS[level]);
      } else {
        DEFAULT.writeIndentation(g, level);
      }
    }

    @Override
    public boolean isInline() {
      return false;
    }
  }

  /**
   * Writes the whole document to {@code gen}, keys in a fixed order; a number that is NaN is
   * written as null (JSON has no NaN).
   */
  public static void write(JsonGenerator gen, GraphAnalysis a) throws IOException {
    InteractionGraph g = a.graph();
    gen.writeStartObject();
    gen.writeFieldName(WINDOW);
    gen.writeStartObject();
    field(gen, START, g.start());
    field(gen, END, g.end());
    gen.writeEndObject();
    gen.writeFieldName(NODES);
    gen.writeStartArray();
    for (String h : g.humans()) {
      writeHuman(gen, h, "human");
    }
    if (g.usesArchive()) {
      writeHuman(gen, InteractionGraph.ARCHIVE_ID, "archive");
    }
    int humans = g.humanCount();
    for (int i = 0; i < g.models().size(); i++) {
      if (!a.shown(i)) {
        continue;
      }
      InteractionGraph.Input in = g.inputs().get(i);
      String id = g.models().get(i);
      String label = a.prediction(i).label();
      double ancestry = a.ancestry(i);
      double depth = a.depth(i);
      double laundered = in.known() ? in.launderedShare(humans) : 0;
      gen.writeStartObject();
      field(gen, ID, id);
      field(gen, TITLE, id);
      field(gen, SUBTITLE, label);
      number(gen, MAINSTAT, ancestry);
      number(gen, SECONDARYSTAT, depth);
      field(gen, ARC__HUMAN, in.known() ? in.humanShare() : 0);
      field(gen, ARC__MODEL, in.known() ? 1 - in.humanAuthoredShare(humans) : 0);
      field(gen, ARC__LAUNDERED, laundered);
      field(gen, DETAIL__KIND, "model");
      field(gen, DETAIL__PREDICTED, label);
      number(gen, DETAIL__ANCESTRY, ancestry);
      number(gen, DETAIL__DEPTH, depth);
      number(gen, DETAIL__HUMAN_SHARE, in.humanShare());
      if (in.known()) {
        field(gen, DETAIL__LAUNDERED_SHARE, laundered);
      } else {
        gen.writeFieldName(DETAIL__LAUNDERED_SHARE);
        gen.writeNull();
      }
      field(gen, DETAIL__CLASS, "c" + a.classOf(i));
      field(gen, DETAIL__CLOSED_CLASS, a.closedWithoutHuman(a.classOf(i)));
      field(gen, DETAIL__ITEMS, in.items());
      field(gen, DETAIL__RETRAINS, in.retrains());
      if (in.lastTick() < 0) {
        gen.writeFieldName(DETAIL__LAST_RETRAIN);
        gen.writeNull();
      } else {
        field(gen, DETAIL__LAST_RETRAIN, in.lastTick());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeFieldName(EDGES);
    gen.writeStartArray();
    for (int i = 0; i < g.models().size(); i++) {
      if (!a.shown(i)) {
        continue;
      }
      InteractionGraph.Input in = g.inputs().get(i);
      String target = g.models().get(i);
      int[] authors = in.authors();
      long[] counts = in.counts();
      for (int k = 0; k < authors.length; k++) {
        String source = g.idOf(authors[k]);
        gen.writeStartObject();
        field(gen, ID, source + "->" + target);
        field(gen, SOURCE, source);
        field(gen, TARGET, target);
        field(gen, MAINSTAT, (double) counts[k] / in.items());
        field(gen, SECONDARYSTAT, counts[k]);
        field(gen, DETAIL__KIND, g.isHuman(authors[k]) ? "human" : "model");
        gen.writeEndObject();
      }
    }
    gen.writeEndArray();
    gen.writeFieldName(CLASSES);
    gen.writeStartArray();
    List<int[]> classes = a.classes();
    for (int c = 0; c < classes.size(); c++) {
      if (java.util.Arrays.stream(classes.get(c)).noneMatch(a::shown)) {
        continue;
      }
      gen.writeStartObject();
      field(gen, ID, "c" + c);
      gen.writeFieldName(MEMBERS);
      gen.writeStartArray();
      for (int i : classes.get(c)) {
        gen.writeString(g.models().get(i));
      }
      gen.writeEndArray();
      field(gen, CLOSED_WITHOUT_HUMAN, a.closedWithoutHuman(c));
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /** A human source or the archive: ancestry 1, depth 0, no verdict. */
  private static void writeHuman(JsonGenerator gen, String id, String kind) throws IOException {
    gen.writeStartObject();
    field(gen, ID, id);
    field(gen, TITLE, kind.equals("archive") ? "archive" : id);
    field(gen, SUBTITLE, kind);
    field(gen, MAINSTAT, 1.0);
    field(gen, SECONDARYSTAT, 0.0);
    field(gen, ARC__HUMAN, 1.0);
    field(gen, ARC__MODEL, 0.0);
    field(gen, ARC__LAUNDERED, 0.0);
    field(gen, DETAIL__KIND, kind);
    gen.writeFieldName(DETAIL__PREDICTED);
    gen.writeNull();
    field(gen, DETAIL__ANCESTRY, 1.0);
    field(gen, DETAIL__DEPTH, 0.0);
    for (SerializedString f : HUMAN_NULLS) {
      gen.writeFieldName(f);
      gen.writeNull();
    }
    gen.writeEndObject();
  }

  /** A number, or null for NaN (JSON has none). */
  private static void number(JsonGenerator gen, SerializedString name, double v)
      throws IOException {
    gen.writeFieldName(name);
    if (Double.isNaN(v)) {
      gen.writeNull();
    } else {
      gen.writeNumber(v);
    }
  }

  /** A string field. */
  private static void field(JsonGenerator gen, SerializedString name, String v) throws IOException {
    gen.writeFieldName(name);
    gen.writeString(v);
  }

  /** A number field. */
  private static void field(JsonGenerator gen, SerializedString name, double v) throws IOException {
    gen.writeFieldName(name);
    gen.writeNumber(v);
  }

  /** An integer field. */
  private static void field(JsonGenerator gen, SerializedString name, long v) throws IOException {
    gen.writeFieldName(name);
    gen.writeNumber(v);
  }

  /** A boolean field. */
  private static void field(JsonGenerator gen, SerializedString name, boolean v)
      throws IOException {
    gen.writeFieldName(name);
    gen.writeBoolean(v);
  }
}
