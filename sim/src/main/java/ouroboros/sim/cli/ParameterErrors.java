package ouroboros.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A rejected command line as one line, in the house form {@code error: --seed: found 'abc',
 * expected a whole number}, followed by where the help is, instead of picocli's message and the
 * whole usage text.
 */
final class ParameterErrors {
  private ParameterErrors() {}

  /** The one line for {@code e}. */
  static String line(ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    String help = " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')";
    ArgSpec arg = e.getArgSpec();
    if (arg != null && e.getCause() instanceof TypeConversionException && e.getValue() != null) {
      return "error: "
          + label(arg)
          + ": found '"
          + e.getValue()
          + "', expected "
          + expected(arg.type())
          + help;
    }
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
    }
    return "error: " + message + help;
  }

  /** {@code --seed}, or a positional parameter's label. */
  private static String label(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }

  /** What a value of this type looks like. */
  static String expected(Class<?> type) {
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
