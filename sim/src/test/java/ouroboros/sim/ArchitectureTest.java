package ouroboros.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import ouroboros.agents.domain.DomainSpec;

/**
 * The layering rules of ARCHITECTURE.md, checked on the main classes of both modules (the agents
 * module is on this module's class path): {@code agents} never depends on {@code sim}; in {@code
 * agents} only the actor package touches Akka; domains, mitigation stages and crawl policies are
 * plain Java; the engine receives compiled settings and never sees the scenario specs (those of
 * {@code ouroboros.sim.scenario}, the key declarations of {@code ouroboros.agents.spec}, nor a
 * domain's spec record, which lives in its folder of {@code ouroboros.agents.domain}); and no main
 * class draws randomness outside the seeded streams of {@code ouroboros.agents.rng} ({@code
 * SecureRandom}, which only picks a seed when none is given, is allowed); and nothing uses Java
 * serialization (checkpoints are written field by field). A failure names each offending class,
 * member and line.
 */
@AnalyzeClasses(packages = "ouroboros", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Akka and the Scala library it is written in. */
  private static final String[] AKKA = {"akka..", "scala.."};

  @ArchTest
  static final ArchRule agents_neverDependsOnSim =
      noClasses()
          .that()
          .resideInAPackage("ouroboros.agents..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ouroboros.sim..")
          .because("the agents module must not know the simulator that runs it");

  @ArchTest
  static final ArchRule agents_onlyActorPackageUsesAkka =
      noClasses()
          .that()
          .resideInAPackage("ouroboros.agents..")
          .and()
          .resideOutsideOfPackage("ouroboros.agents.actor..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(AKKA)
          .because("only ouroboros.agents.actor imports Akka");

  @ArchTest
  static final ArchRule plugins_arePlainJava =
      noClasses()
          .that()
          .resideInAnyPackage(
              "ouroboros.agents.domain..",
              "ouroboros.agents.pipeline..",
              "ouroboros.agents.crawl..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(AKKA)
          .because("domains, stages and crawl policies are tested without actors");

  @ArchTest
  static final ArchRule engine_neverDependsOnScenarioSpecs =
      noClasses()
          .that()
          .resideInAPackage("ouroboros.sim.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ouroboros.sim.scenario..")
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("ouroboros.agents.spec..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(DomainSpec.class)
          .because(
              "the engine receives compiled settings, not scenario specs (a domain's spec record"
                  + " lives in its agents folder, next to the domain)");

  @ArchTest
  static final ArchRule mainCode_drawsNoUnseededRandomness =
      noClasses()
          .that()
          .resideInAPackage("ouroboros..")
          .should()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(StrictMath.class, "random")
          .orShould()
          .callConstructorWhere(ownerIs(Random.class))
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(ThreadLocalRandom.class)
          .because("every draw comes from a stream split from the run's seed");

  /**
   * Issue 14: checkpoints are written field by field (docs/checkpoints.md), never with Java
   * serialization, which would tie a file to class layouts and instantiate what a file names.
   */
  @ArchTest
  static final ArchRule mainCode_usesNoJavaSerialization =
      noClasses()
          .that()
          .resideInAPackage("ouroboros..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(java.io.ObjectOutputStream.class.getName())
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(java.io.ObjectInputStream.class.getName())
          .because("a checkpoint is a documented, versioned format, read by its own code");

  /** Calls whose target is declared by exactly {@code type} (so not by a subclass of it). */
  private static DescribedPredicate<JavaCall<?>> ownerIs(Class<?> type) {
    return DescribedPredicate.describe(
        "new " + type.getName() + "(..)", call -> call.getTargetOwner().isEquivalentTo(type));
  }
}
