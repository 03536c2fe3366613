package ouroboros.sim.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of a run or sweep directory that the report cannot read because it is not what a run
 * writes (a damaged {@code summary.json}): the message names the file and where its text stops
 * being JSON or YAML, as "PATH: cannot be read: not JSON (line 1, column 1)", instead of the
 * parser's own wording. {@code report} prints it as it is and exits with 1, a file that cannot be
 * read.
 */
public final class UnreadableFile extends IOException {
  private static final long serialVersionUID = 1L;

  private UnreadableFile(String message) {
    super(message);
  }

  /** Reads {@code file} as JSON, or throws an {@link UnreadableFile} naming it. */
  static JsonNode json(Path file) throws IOException {
    return read(new ObjectMapper(), file, "JSON");
  }

  /** Reads {@code file} as YAML, or throws an {@link UnreadableFile} naming it. */
  static JsonNode yaml(Path file) throws IOException {
    return read(new YAMLMapper(), file, "YAML");
  }

  private static JsonNode read(ObjectMapper mapper, Path file, String format) throws IOException {
    JsonNode tree;
    try {
      tree = mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new UnreadableFile(
          file
              + ": cannot be read: not "
              + format
              + (at == null || at.getLineNr() < 1
                  ? ""
                  : " (line "
                      + at.getLineNr()
                      + ", column "
                      + Math.max(at.getColumnNr(), 1)
                      + ")"));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new UnreadableFile(file + ": cannot be read: found an empty file, expected " + format);
    }
    return tree;
  }
}
