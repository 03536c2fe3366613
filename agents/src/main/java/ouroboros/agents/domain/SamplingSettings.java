package ouroboros.agents.domain;

/**
 * Generation settings a model samples with. Each domain applies the settings that mean something to
 * it: temperature everywhere, truncation where outputs are discrete, beam search and a repetition
 * penalty in the n-gram text domain.
 *
 * @param temperature greater than 0; scales a Gaussian's covariance, divides discrete logits
 * @param topK keep only the k most likely outcomes at each step; 0 turns it off
 * @param topP keep the smallest set of most likely outcomes whose mass reaches p; 1 turns it off
 * @param beamWidth text: decode by beam search with this many beams after a sampled prompt; 0 turns
 *     it off (sampling), 1 is greedy decoding
 * @param beamPrompt text, with beam search: the words sampled before the beam search takes over, at
 *     least 0
 * @param repetitionPenalty text: Hugging Face's {@code repetition_penalty}, greater than 0; 1 turns
 *     it off
 */
public record SamplingSettings(
    double temperature,
    int topK,
    double topP,
    int beamWidth,
    int beamPrompt,
    double repetitionPenalty) {

  /** Plain sampling: temperature 1, no truncation. */
  public static final SamplingSettings DEFAULTS = new SamplingSettings(1.0, 0, 1.0);

  /** Words sampled before a beam search by default. */
  public static final int DEFAULT_BEAM_PROMPT = 1;

  /** Checks the settings; messages name the parameter and its value. */
  public SamplingSettings {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature is not strictly positive: " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK is negative: " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP is not in (0, 1]: " + topP);
    }
    if (beamWidth < 0) {
      throw new IllegalArgumentException("beamWidth is negative: " + beamWidth);
    }
    if (beamPrompt < 0) {
      throw new IllegalArgumentException("beamPrompt is negative: " + beamPrompt);
    }
    if (!(repetitionPenalty > 0) || Double.isInfinite(repetitionPenalty)) {
      throw new IllegalArgumentException(
          "repetitionPenalty is not strictly positive: " + repetitionPenalty);
    }
  }

  /** Temperature and truncation; no beam search, no repetition penalty. */
  public SamplingSettings(double temperature, int topK, double topP) {
    this(temperature, topK, topP, 0, DEFAULT_BEAM_PROMPT, 1.0);
  }

  /** Temperature only. */
  public SamplingSettings(double temperature) {
    this(temperature, 0, 1.0);
  }

  /** Whether any truncation, temperature other than 1, beam search or penalty applies. */
  public boolean isPlain() {
    return warpsNothing() && !decodes();
  }

  /** Whether temperature, top-k and top-p are all off. */
  public boolean warpsNothing() {
    return temperature == 1.0 && topK == 0 && topP == 1.0;
  }

  /** Whether beam search or a repetition penalty applies. */
  public boolean decodes() {
    return beamWidth > 0 || repetitionPenalty != 1.0;
  }

  /** The temperature and truncation alone, as settings without beam search or penalty. */
  public SamplingSettings warps() {
    return decodes() ? new SamplingSettings(temperature, topK, topP) : this;
  }
}
