package ouroboros.sim.cluster;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.SerializerWithStringManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ouroboros.agents.actor.AgentProtocol;
import ouroboros.agents.data.Items;
import ouroboros.agents.data.ItemsCodec;
import ouroboros.agents.model.ReportCodec;

/**
 * Akka serializer of the {@link Wire} messages: a tick's contributions ({@link NodeHost.Seal}) and
 * a block's replies ({@link BlockEntity.Done}). Items go as the checkpoints write them ({@link
 * ItemsCodec}: the columns as primitive arrays, a constant column as one value), reports with
 * {@link ReportCodec}. Jackson would need a polymorphic mapping of every domain's batch and column
 * class, and writes each array element as a tagged CBOR item; these codecs exist, are tested by the
 * checkpoint round trips, and write the arrays flat. The bytes written and read are counted for the
 * node's traffic meters ({@link NodeTraffic}).
 */
public final class WireSerializer extends SerializerWithStringManifest {
  private static final String SEAL = "S";
  private static final String DONE = "D";
  private static final byte PUBLISHED = 1;
  private static final byte RETRAINED = 2;
  private static final byte SAVED = 3;

  private final ActorRefResolver resolver;
  private final NodeTraffic traffic;

  /** The serializer of {@code system} (Akka creates it by reflection). */
  public WireSerializer(ExtendedActorSystem system) {
    this.resolver = ActorRefResolver.get(Adapter.toTyped(system));
    this.traffic = NodeTraffic.get(Adapter.toTyped(system));
  }

  @Override
  public int identifier() {
    return 1_306_013;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof NodeHost.Seal) {
      return SEAL;
    }
    if (o instanceof BlockEntity.Done) {
      return DONE;
    }
    throw new IllegalArgumentException("not a wire message: " + o.getClass().getName());
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (o instanceof NodeHost.Seal s) {
        string(out, s.run());
        out.writeInt(s.tick());
        out.writeInt(s.contributions().length);
        for (Items items : s.contributions()) {
          ItemsCodec.write(out, items);
        }
      } else if (o instanceof BlockEntity.Done d) {
        out.writeInt(d.tick());
        string(out, resolver.toSerializationFormat(d.deliverTo()));
        out.writeInt(d.replies().size());
        for (Object r : d.replies()) {
          reply(out, r);
        }
      } else {
        throw new IllegalArgumentException("not a wire message: " + o.getClass().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] b = bytes.toByteArray();
    traffic.sent(b.length);
    return b;
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    traffic.received(bytes.length);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (SEAL.equals(manifest)) {
        String run = string(in);
        int tick = in.readInt();
        Items[] items = new Items[in.readInt()];
        for (int i = 0; i < items.length; i++) {
          items[i] = ItemsCodec.read(in);
        }
        return new NodeHost.Seal(run, tick, items);
      }
      if (DONE.equals(manifest)) {
        int tick = in.readInt();
        ActorRef<Object> deliverTo = resolver.resolveActorRef(string(in));
        int n = in.readInt();
        List<Object> replies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          replies.add(reply(in));
        }
        return new BlockEntity.Done(tick, deliverTo, replies);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new NotSerializableException("unknown wire manifest: " + manifest);
  }

  /** Writes one agent's reply, tagged with its kind. */
  private static void reply(DataOutput out, Object r) throws IOException {
    if (r instanceof AgentProtocol.Published p) {
      out.writeByte(PUBLISHED);
      out.writeInt(p.tick());
      out.writeInt(p.agent());
      ItemsCodec.write(out, p.items());
    } else if (r instanceof AgentProtocol.Retrained t) {
      out.writeByte(RETRAINED);
      out.writeInt(t.tick());
      out.writeInt(t.agent());
      ReportCodec.write(out, t.report());
    } else if (r instanceof AgentProtocol.StateSaved s) {
      out.writeByte(SAVED);
      out.writeInt(s.tick());
      out.writeInt(s.agent());
      out.writeInt(s.state().length);
      out.write(s.state());
      string(out, s.failure());
    } else {
      throw new IllegalArgumentException("not an agent's reply: " + r);
    }
  }

  /** Reads one agent's reply. */
  private static Object reply(DataInput in) throws IOException {
    byte kind = in.readByte();
    int tick = in.readInt();
    int agent = in.readInt();
    switch (kind) {
      case PUBLISHED:
        return new AgentProtocol.Published(tick, agent, ItemsCodec.read(in));
      case RETRAINED:
        return new AgentProtocol.Retrained(tick, agent, ReportCodec.read(in));
      case SAVED:
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        return new AgentProtocol.StateSaved(tick, agent, state, string(in));
      default:
        throw new IOException("unknown reply kind " + kind);
    }
  }

  /** A string of any length, as its UTF-8 bytes. */
  private static void string(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
