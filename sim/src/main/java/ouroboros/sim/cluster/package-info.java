/**
 * One run across a cluster of JVMs (issue 13, docs/cluster.md): Akka Cluster with Artery TCP,
 * Cluster Sharding placing blocks of agents, a replica of the web on every node, and the clock on
 * the node that started the run. The run files are written by the clock node only, from the same
 * items and reports as in one JVM, so they are byte-identical to a one-JVM run.
 */
package ouroboros.sim.cluster;
