package ouroboros.agents.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** An agent's streams are saved in the order they were made and restored to where they were. */
class StreamsTest {

  private static byte[] saved(Streams s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.save(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  @Test
  void saveRestore_streamsMadeInTheSameOrder_continueWhereTheyWere() throws IOException {
    Streams a = new Streams(new RngStreams(42), "m1");
    UniformRandomProvider publish = a.stream("publish");
    UniformRandomProvider crawl = a.stream("crawl");
    publish.nextLong();
    crawl.nextLong();
    crawl.nextLong();
    byte[] state = saved(a);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
    assertEquals(2, in.readInt());
    assertEquals("publish", in.readUTF());

    Streams b = new Streams(new RngStreams(42), "m1");
    UniformRandomProvider publish2 = b.stream("publish");
    UniformRandomProvider crawl2 = b.stream("crawl");
    b.restore(new DataInputStream(new ByteArrayInputStream(state)));
    assertEquals(publish.nextLong(), publish2.nextLong());
    assertEquals(crawl.nextLong(), crawl2.nextLong());

    Streams swapped = new Streams(new RngStreams(42), "m1");
    swapped.stream("crawl");
    swapped.stream("publish");
    assertThrows(
        IOException.class,
        () -> swapped.restore(new DataInputStream(new ByteArrayInputStream(state))));
  }

  @Test
  void stream_askedTwice_fails() {
    Streams s = new Streams(new RngStreams(1), "h0");
    s.stream("publish");
    s.stream("fresh");
    assertThrows(IllegalStateException.class, () -> s.stream("publish"));
  }
}
