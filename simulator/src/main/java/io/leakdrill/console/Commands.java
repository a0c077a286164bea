package io.leakdrill.console;

import io.leakdrill.console.commands.AckCommand;
import io.leakdrill.console.commands.AlertsCommand;
import io.leakdrill.console.commands.AutorestartCommand;
import io.leakdrill.console.commands.ChangesCommand;
import io.leakdrill.console.commands.ConfigCommand;
import io.leakdrill.console.commands.DbCommand;
import io.leakdrill.console.commands.DeployCommand;
import io.leakdrill.console.commands.DiagnoseCommand;
import io.leakdrill.console.commands.EndCommand;
import io.leakdrill.console.commands.EscalateCommand;
import io.leakdrill.console.commands.GcCommand;
import io.leakdrill.console.commands.HeapCommand;
import io.leakdrill.console.commands.HelpCommand;
import io.leakdrill.console.commands.HintCommand;
import io.leakdrill.console.commands.HypothesisCommand;
import io.leakdrill.console.commands.LogsCommand;
import io.leakdrill.console.commands.MemoryCommand;
import io.leakdrill.console.commands.NetCommand;
import io.leakdrill.console.commands.NoteCommand;
import io.leakdrill.console.commands.PatchesCommand;
import io.leakdrill.console.commands.RestartCommand;
import io.leakdrill.console.commands.RollbackCommand;
import io.leakdrill.console.commands.RuleOutCommand;
import io.leakdrill.console.commands.RunbookCommand;
import io.leakdrill.console.commands.SeverityCommand;
import io.leakdrill.console.commands.StatusCommand;
import io.leakdrill.console.commands.ThreadsCommand;
import io.leakdrill.console.commands.TicketsCommand;
import io.leakdrill.console.commands.TimelineCommand;
import io.leakdrill.console.commands.TopCommand;
import io.leakdrill.console.commands.UpdateCommand;
import io.leakdrill.console.commands.UsersCommand;
import io.leakdrill.console.commands.WaitCommand;
import io.leakdrill.runbook.Runbooks;
import java.util.ArrayList;
import java.util.List;

/** The console's command set, in the order `help` lists them. */
public final class Commands {

    private Commands() {
    }

    public static Dispatcher dispatcher(DrillSession session) {
        return new Dispatcher(session, all(Runbooks.standard()));
    }

    /** Every command, `help` first; `help` lists this same list. */
    public static List<Command> all(Runbooks runbooks) {
        List<Command> all = new ArrayList<>();
        all.add(new HelpCommand(() -> all));
        all.add(new StatusCommand());
        all.add(new UsersCommand());
        all.add(new AlertsCommand());
        all.add(new AckCommand());
        all.add(new TicketsCommand());
        all.add(new ChangesCommand());
        all.add(new TimelineCommand());
        all.add(new GcCommand());
        all.add(new HeapCommand());
        all.add(new MemoryCommand());
        all.add(new TopCommand());
        all.add(new ThreadsCommand());
        all.add(new LogsCommand());
        all.add(new ConfigCommand());
        all.add(new NetCommand());
        all.add(new DbCommand());
        all.add(new PatchesCommand());
        all.add(new RestartCommand());
        all.add(new DeployCommand());
        all.add(new RollbackCommand());
        all.add(new AutorestartCommand());
        all.add(new NoteCommand());
        all.add(new HypothesisCommand());
        all.add(new RuleOutCommand());
        all.add(new DiagnoseCommand());
        all.add(new SeverityCommand());
        all.add(new UpdateCommand());
        all.add(EscalateCommand.page());
        all.add(EscalateCommand.escalate());
        all.add(new HintCommand());
        all.add(new RunbookCommand(runbooks));
        all.add(new WaitCommand());
        all.add(EndCommand.resolve());
        all.add(EndCommand.quit());
        return all;
    }
}
