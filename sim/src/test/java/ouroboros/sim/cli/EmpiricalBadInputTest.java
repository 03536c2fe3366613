package ouroboros.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ouroboros.sim.testing.Repo;

/**
 * The {@code empirical} domain's keys are checked before the first tick: each bad value or key in
 * {@code scenarios/papers/he-golden-ratio-cdf.yaml} is named with its line, column and key path
 * ('/' before four spaces in a replacement starts a new line; LINE is the replaced line's number).
 */
class EmpiricalBadInputTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "domain: {type: empirical}|domain: {type: empirical, sd: 0}"
            + "|:LINE:31: domain.sd: found 0.0, expected a number greater than 0",
        "domain: {type: empirical}|domain: {type: empirical, sd: -1}"
            + "|:LINE:31: domain.sd: found -1.0, expected a number greater than 0",
        "domain: {type: empirical}|domain: {type: empirical, dimensions: 2}"
            + "|domain: found unknown key 'dimensions', expected one of [mean, sd]",
        "    crawl: {sites: [golden-blog]}|    crawl: {sites: [golden-blog]}/"
            + "    sampling: {temperature: 0.5}"
            + "|models[1].sampling.temperature: found 'temperature', which a empirical domain",
        "    crawl: {sites: [golden-blog]}|    crawl: {sites: [golden-blog]}/"
            + "    estimator: {variance: mle}"
            + "|models[1].estimator.variance: found 'variance', which a empirical domain does not"
            + " use, expected only [combine]"
      })
  void badKey_rejectedWithItsPlace(String from, String to, String message) throws IOException {
    String text = Files.readString(Repo.scenario("papers/he-golden-ratio-cdf.yaml"));
    assertTrue(text.contains(from), from);
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, text.replace(from, to.replace("/    ", "\n    ")));
    long line = text.substring(0, text.indexOf(from)).chars().filter(c -> c == '\n').count() + 1;
    String wanted = message.replace("LINE", Long.toString(line));
    CliHelpTest.Result r = CliHelpTest.run("validate", file.toString());
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains(wanted), () -> "wanted '" + wanted + "' in: " + r.err());
  }
}
