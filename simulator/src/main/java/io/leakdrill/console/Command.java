package io.leakdrill.console;

import java.util.List;

/** One console command: its name, a one-line summary, its usage, and what it does. */
public interface Command {

    String name();

    String summary();

    /** Usage line, e.g. {@code deploy PATCH}. */
    String usage();

    /** The group `help` lists the command under. */
    Purpose purpose();

    /** One typical use, as a trainee would type it. */
    String example();

    Result run(List<String> args, DrillSession session) throws Exception;

    /**
     * What tab completion offers for the next word, given the words typed after the command name: sub-commands,
     * ids and names the drill knows. Empty when the word is free text.
     */
    default List<String> candidates(List<String> typed, DrillSession session) throws Exception {
        return List.of();
    }

    /** What a command is for, in the order `help` lists the groups. */
    enum Purpose {
        SITUATION("The situation"),
        SERVER("The server"),
        WORLD("The world around it"),
        REASONING("Reasoning"),
        ACTIONS("Actions"),
        PEOPLE("People"),
        DRILL("Help and the drill");

        private final String title;

        Purpose(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** What a command printed, whether it worked, and whether it ends the drill (and why). */
    record Result(String text, boolean ok, String endReason) {

        public static Result ok(String text) {
            return new Result(text, true, null);
        }

        public static Result error(String text) {
            return new Result(text, false, null);
        }

        public static Result end(String text, String reason) {
            return new Result(text, true, reason);
        }
    }
}
