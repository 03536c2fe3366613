package ouroboros.agents.domain.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ouroboros.agents.spec.Problems;

/** The gaussian domain's checks of its keys: a message about d says where d came from. */
class GaussianSpecTest {
  private static final List<List<Double>> COV2 = List.of(List.of(1.0, 0.5), List.of(0.5, 1.0));

  private static String expected(GaussianSpec spec, String pointer) {
    Problems p = new Problems();
    spec.validate(p);
    assertEquals(1, p.list().size(), p.list().toString());
    assertEquals(pointer, p.list().get(0).pointer());
    return p.list().get(0).expected();
  }

  @Test
  void covariance_withoutDimensionsOrMean_saysDIsTheDefaultOne() {
    assertEquals(
        "1 row of 1 entry (d = 1: the domain gives no 'dimensions' or 'mean'; give dimensions: 2)",
        expected(new GaussianSpec(null, null, null, COV2), "/domain/covariance"));
  }

  @Test
  void covariance_ofTheWrongSize_namesTheKeyThatSetD() {
    assertEquals(
        "3 rows of 3 entries (d = 3, the domain's 'dimensions')",
        expected(new GaussianSpec(3, null, null, COV2), "/domain/covariance"));
    assertEquals(
        "3 rows of 3 entries (d = 3, the length of 'mean')",
        expected(new GaussianSpec(null, List.of(0.0, 0.0, 0.0), null, COV2), "/domain/covariance"));
  }

  @Test
  void variance_withoutDimensionsOrMean_saysDIsTheDefaultOne() {
    assertEquals(
        "1 entry (d = 1: the domain gives no 'dimensions' or 'mean'; give dimensions: 2)",
        expected(new GaussianSpec(null, null, List.of(1.0, 2.0), null), "/domain/variance"));
  }
}
