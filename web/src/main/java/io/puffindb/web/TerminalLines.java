package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell's lines at a terminal, through JLine: line editing, and a history kept in a file across
 * sessions (the arrow keys and Ctrl-R reach statements typed in an earlier one), as DuckDB's CLI keeps
 * {@code ~/.duckdb_history}.
 */
final class TerminalLines implements InteractiveShell.LineSource, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalLines(Terminal terminal, LineReader reader) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** The process's terminal, with its history in {@code historyFile}. */
    static TerminalLines open(Path historyFile) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        if (terminal.getWidth() <= 0) {
            // A terminal that reports no size (a pseudo-terminal fed by a pipe) would wrap every prompt: assume the classic 80x24.
            terminal.setSize(new Size(80, 24));
        }
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("puffindb")
                .variable(LineReader.HISTORY_FILE, historyFile)
                // A statement's own text: '!' and '\' are SQL, not history expansion or escapes.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        return new TerminalLines(terminal, reader);
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return ""; // Ctrl-C drops the line being typed, as DuckDB's CLI does; Ctrl-D leaves
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        reader.getHistory().save();
        terminal.close();
    }
}
