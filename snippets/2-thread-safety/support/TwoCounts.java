import java.util.Optional;

/**
 * The command line of the snippets that take {@code [<how many> <how many each>]}: no arguments (the script's own
 * defaults) or two positive integers. Anything else prints the script's usage line and exits with code 2.
 */
record TwoCounts(int first, int second) {

    /** The two counts, or empty when there are no arguments; {@code usage} is the alias and its arguments. */
    static Optional<TwoCounts> parse(String[] args, String usage) {
        try {
            return switch (args.length) {
                case 0 -> Optional.empty();
                case 2 -> Optional.of(new TwoCounts(positive(args[0]), positive(args[1])));
                default -> throw new IllegalArgumentException("expected no arguments or two");
            };
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./jbang " + usage + " (positive integers)");
            System.exit(2);
            throw e;
        }
    }

    private static int positive(String text) {
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }
}
