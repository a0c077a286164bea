package io.leakdrill.cli;

import io.leakdrill.grader.Leaderboard;
import io.leakdrill.grader.LeaderboardEntry;
import io.leakdrill.grader.LeaderboardText;
import io.leakdrill.grader.Transcript;
import io.leakdrill.grader.TranscriptException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * `leakdrill leaderboard DIR`: grades every transcript under a folder and ranks them per scenario; a transcript
 * that cannot be read is named on stderr and left off, so one broken file never hides the board.
 */
final class LeaderboardCommand implements Subcommand {

    private static final String TRANSCRIPT_SUFFIX = ".jsonl";

    @Override
    public String name() {
        return "leaderboard";
    }

    @Override
    public String synopsis() {
        return "leaderboard DIR";
    }

    @Override
    public Options options() {
        return new Options().addOption(null, "verbose", false, "stack traces on internal errors");
    }

    @Override
    public int run(CommandLine line, Io io) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UserError("leaderboard needs exactly one folder of transcripts, such as ~/.leakdrill/drills"
                    + " (see `leakdrill leaderboard --help`)");
        }
        Path dir = Path.of(line.getArgList().get(0));
        if (!Files.isDirectory(dir)) {
            throw new UserError("no folder at " + dir + "; give the folder drills write to, such as"
                    + " ~/.leakdrill/drills");
        }
        List<Path> files = transcripts(dir, io);
        if (files.isEmpty()) {
            throw new UserError("no transcripts (*" + TRANSCRIPT_SUFFIX + ") under " + dir
                    + "; play a drill first, or give the folder its transcript went to");
        }
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                entries.add(LeaderboardEntry.of(Transcript.parse(reader), source(dir, file)));
            } catch (TranscriptException e) {
                skipped(io, file, e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                skipped(io, file, "cannot read it: " + e.getMessage());
            }
        }
        if (entries.isEmpty()) {
            throw new UserError("none of the " + files.size() + " transcripts under " + dir
                    + " could be read (each is named above); check they are Leak Drill transcripts");
        }
        io.out().print(LeaderboardText.render(Leaderboard.of(entries)));
        return Main.OK;
    }

    /** Every transcript under the folder, in path order so that skipped files are always named in one order. */
    private static List<Path> transcripts(Path dir, Io io) throws IOException {
        List<Path> found = new ArrayList<>();
        // Links are followed, since ~/.leakdrill may well be one; a loop is reported like an unreadable folder.
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(TRANSCRIPT_SUFFIX)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            // A folder we may not enter should cost its transcripts, not the board.
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped(io, file, "cannot read it: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** Drills write each transcript as transcript.jsonl in a folder of its own: the file name alone says little. */
    private static String source(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static void skipped(Io io, Path file, String problem) {
        io.err().println("leakdrill: skipped " + file + ": " + problem);
    }
}
