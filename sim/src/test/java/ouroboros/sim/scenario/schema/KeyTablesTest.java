package ouroboros.sim.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import ouroboros.sim.testing.Repo;

/** The reference tables in the docs are the ones the declarations generate. */
class KeyTablesTest {

  @Test
  void keyTables_checkedIn_areTheGeneratedOnes() throws IOException {
    Path file = Repo.root().resolve("docs/reference/scenario-keys.md");
    assertTrue(Files.exists(file), file + " is missing");
    assertEquals(
        KeyTables.text(),
        Files.readString(file),
        "docs/reference/scenario-keys.md is stale: regenerate it with 'java -cp "
            + "sim/target/ouroboros-sim.jar ouroboros.sim.scenario.schema.KeyTables "
            + "docs/reference/scenario-keys.md'");
  }

  @Test
  void keyTables_listEveryDeclaredKey() {
    String text = KeyTables.text();
    assertTrue(text.contains("| `temperature` | number | > 0 | `1.0` |"), text);
    assertTrue(
        text.contains(
            "| `regime` (required) | name | `replace`, `accumulate`, "
                + "`accumulate-subsample`, `window` |"),
        text);
  }
}
