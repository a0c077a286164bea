package io.leakdrill.cli;

import org.apache.commons.cli.Options;

/** One `leakdrill` sub-command with its options. */
interface Subcommand {

    String name();

    String synopsis();

    Options options();

    /** Runs with the parsed command line; returns the exit code. */
    int run(org.apache.commons.cli.CommandLine line, Io io) throws Exception;
}
