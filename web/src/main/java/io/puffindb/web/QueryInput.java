package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code puffindb query} that are no settings of the service: where its SQL comes from
 * ({@code -f FILE} / {@code --file FILE}; else the argument, else standard input) and how its answers
 * print ({@code --format table|csv|json|arrow}); the other arguments are left for the settings.
 */
record QueryInput(Optional<Path> file, ResultFormat format, List<String> rest) {
    QueryInput {
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        rest = List.copyOf(rest);
    }

    static QueryInput take(List<String> arguments) {
        Optional<Path> file = Optional.empty();
        ResultFormat format = ResultFormat.TABLE;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-f") || argument.equals("--file")) {
                file = Optional.of(Path.of(valueAfter(arguments, i++)));
            } else if (argument.startsWith("--file=")) {
                file = Optional.of(Path.of(argument.substring("--file=".length())));
            } else if (argument.equals("--format")) {
                format = ResultFormat.parse(valueAfter(arguments, i++));
            } else if (argument.startsWith("--format=")) {
                format = ResultFormat.parse(argument.substring("--format=".length()));
            } else {
                rest.add(argument);
            }
        }
        return new QueryInput(file, format, rest);
    }

    private static String valueAfter(List<String> arguments, int i) {
        if (i + 1 >= arguments.size()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Option " + arguments.get(i) + " needs a value");
        }
        return arguments.get(i + 1);
    }
}
