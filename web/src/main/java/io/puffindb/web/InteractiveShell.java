package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code puffindb query} at a terminal with no SQL: a shell that reads statements over as many lines as
 * they take until a {@code ;} ends them, runs each, and takes a few commands ({@code .tables} or
 * {@code \d}, {@code \d TABLE}, {@code .timer on|off}, {@code .help}, {@code .quit}). Its lines come from
 * a {@link LineSource}: at a terminal, one with line editing and history ({@link TerminalLines}).
 */
final class InteractiveShell {
    private static final String PROMPT = "puffindb> ";
    private static final String MORE = "     ...> ";

    /** Where the shell's lines come from. */
    @FunctionalInterface
    interface LineSource {
        /** Shows {@code prompt} and reads one line; null at the end of input. */
        String readLine(String prompt) throws IOException;
    }

    /** Runs one statement, printing its answer or its error; answers the exit code it would have. */
    @FunctionalInterface
    interface StatementRunner {
        int run(String sql) throws Exception;
    }

    /** Prints the tables (none given) or one table's columns; answers the exit code. */
    @FunctionalInterface
    interface TableLister {
        int list(Optional<String> table);
    }

    private final LineSource in;
    private final PrintStream out;
    private final StatementRunner runner;
    private final TableLister tables;
    private boolean timer;

    InteractiveShell(LineSource in, PrintStream out, StatementRunner runner, TableLister tables) {
        this.in = requireNonNull(in, "in is null");
        this.out = requireNonNull(out, "out is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** Reads and runs statements until {@code .quit} or the end of input; answers the exit code of the last statement run. */
    int run() throws Exception {
        out.println("PuffinDB shell: end each statement with ';'. .help for commands, .quit to leave.");
        StringBuilder statement = new StringBuilder();
        int lastExit = 0;
        while (true) {
            out.flush();
            String line = in.readLine(statement.length() == 0 ? PROMPT : MORE);
            if (line == null) {
                out.println();
                return lastExit;
            }
            if (statement.length() == 0 && (line.strip().startsWith(".") || line.strip().startsWith("\\"))) {
                if (!command(line.strip())) {
                    return lastExit;
                }
                continue;
            }
            statement.append(line).append('\n');
            if (SqlScript.ended(statement.toString())) {
                for (String sql : SqlScript.statements(statement.toString())) {
                    lastExit = timed(sql);
                }
                statement.setLength(0);
            }
        }
    }

    private int timed(String sql) throws Exception {
        long start = System.nanoTime();
        int exit = runner.run(sql);
        if (timer) {
            out.printf(Locale.ROOT, "Run Time: %.3f s%n", (System.nanoTime() - start) / 1e9);
        }
        return exit;
    }

    // A dot command; false when it ends the shell.
    private boolean command(String line) throws IOException {
        String[] words = line.split("\\s+");
        switch (words[0]) {
            case ".quit", ".exit" -> {
                return false;
            }
            case ".tables", "\\d", "\\dt" -> tables.list(words.length > 1 ? Optional.of(words[1]) : Optional.empty());
            case ".timer" -> {
                if (words.length == 2 && (words[1].equals("on") || words[1].equals("off"))) {
                    timer = words[1].equals("on");
                } else {
                    out.println(".timer on|off");
                }
            }
            case ".help" -> out.println("""
                    SQL statements end with ';' and may span lines.
                    .tables, \\d     the tables SQL can name
                    \\d TABLE        a table's columns and types
                    .timer on|off   print each statement's run time
                    .quit, .exit    leave (so does Ctrl-D)""");
            default -> out.println("Unknown command " + words[0] + " (.help lists them)");
        }
        return true;
    }
}
