package ouroboros.agents.domain;

/** Fitted parameters of a domain's model family. Immutable; each domain has its own record. */
public interface Model {}
