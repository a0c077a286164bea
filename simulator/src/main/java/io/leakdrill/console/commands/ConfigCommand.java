package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.crm.CrmProcess;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CRM's JVM settings: the flags its running process really has, and changes that wait for the next restart. A
 * bigger heap is the classic band-aid: it buys time and hides the leak, and the transcript says so.
 */
public final class ConfigCommand implements Command {

    static final String HEAP_MB = "heap-mb";
    static final String GC = "gc";
    private static final List<String> KEYS = List.of(HEAP_MB, GC);
    private static final String SET = "set";
    // Below this the CRM cannot start with its data; above it a trainee's laptop starts to swap.
    private static final int MIN_HEAP_MB = 32;
    private static final int MAX_HEAP_MB = 2048;

    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "the CRM's JVM flags as it runs, and changes for its next restart (heap size, garbage collector)";
    }

    @Override
    public String usage() {
        return "config [set heap-mb MB | set gc g1|parallel|serial]";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "config set heap-mb 256";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        if (typed.isEmpty()) {
            return List.of(SET);
        }
        if (typed.size() == 1 && typed.get(0).equals(SET)) {
            return KEYS;
        }
        if (typed.size() == 2 && typed.get(0).equals(SET) && typed.get(1).equals(GC)) {
            return CrmLaunch.COLLECTORS;
        }
        return List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (args.isEmpty()) {
            return Result.ok(show(session));
        }
        if (!args.get(0).equals(SET)) {
            throw new UsageException("config takes nothing, or `set KEY VALUE`; got '" + args.get(0) + "'");
        }
        if (args.size() != 3) {
            throw new UsageException("config set takes a key and a value; the keys are " + String.join(", ", KEYS));
        }
        String key = Choices.pick(args.get(1), KEYS, "setting", "settings");
        var host = session.drill().crm();
        CrmLaunch next = host.launch();
        String previous;
        String value;
        if (key.equals(HEAP_MB)) {
            int mb = heapMb(args.get(2));
            previous = Integer.toString(next.heapMb());
            value = Integer.toString(mb);
            if (mb != next.heapMb()) {
                host.setHeapMb(mb);
            }
        } else {
            value = Choices.pick(args.get(2), CrmLaunch.COLLECTORS, "garbage collector", "collectors");
            previous = next.gc();
            if (!value.equals(previous)) {
                host.setGc(value);
            }
        }
        if (value.equals(previous)) {
            return Result.ok(key + " is already " + value + " for the next start; nothing changed.");
        }
        boolean raisesHeap = key.equals(HEAP_MB) && Integer.parseInt(value) > Integer.parseInt(previous);
        var event = Json.createObjectBuilder().add("key", key).add("value", value).add("previous", previous)
                .add("appliesOn", "restart");
        if (key.equals(HEAP_MB)) {
            event.add("heapMb", Integer.parseInt(value)).add("previousHeapMb", Integer.parseInt(previous))
                    .add("bandAid", raisesHeap);
        }
        session.record("config", event);
        return Result.ok(key + " " + previous + " -> " + value + " for the next start of the CRM; `restart` applies it."
                + (raisesHeap ? "\nA bigger heap fills more slowly, but a leak still fills it: this buys time, it"
                        + " fixes nothing." : ""));
    }

    private static int heapMb(String text) throws UsageException {
        int mb;
        try {
            mb = Integer.parseInt(text.toLowerCase(Locale.ROOT).replaceFirst("m$", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("heap-mb takes a whole number of MB, like 256; got '" + text + "'");
        }
        if (mb < MIN_HEAP_MB || mb > MAX_HEAP_MB) {
            throw new UsageException("heap-mb must be between " + MIN_HEAP_MB + " and " + MAX_HEAP_MB + "; got " + mb);
        }
        return mb;
    }

    private static String show(DrillSession session) {
        var host = session.drill().crm();
        CrmLaunch next = host.launch();
        CrmProcess process = host.process();
        StringBuilder text = new StringBuilder();
        if (process == null) {
            text.append("No CRM process is running.\n");
        } else {
            CrmLaunch running = process.launch();
            text.append(String.format(Locale.ROOT, "CRM pid %d%s, started with:%n  %-8s %d MB%n  %-8s %s%n",
                    process.pid(), process.isAlive() ? "" : " (exited)", HEAP_MB, running.heapMb(), GC, running.gc()));
            text.append("  JVM flags (its command line):\n");
            text.append(wrap(process.jvmFlags(), "    ")).append('\n');
            text.append("  of which the scenario's own: ").append(running.jvmOptions().isEmpty() ? "none"
                    : String.join(" ", running.jvmOptions())).append('\n');
        }
        List<String> pending = new ArrayList<>();
        CrmLaunch running = process == null ? null : process.launch();
        if (running == null || running.heapMb() != next.heapMb()) {
            pending.add(HEAP_MB + " " + (running == null ? "" : running.heapMb() + " -> ") + next.heapMb());
        }
        if (running == null || !running.gc().equals(next.gc())) {
            pending.add(GC + " " + (running == null ? "" : running.gc() + " -> ") + next.gc());
        }
        if (running != null && !running.components().equals(next.components())) {
            pending.add("a deployed component version");
        }
        text.append(pending.isEmpty() ? "No pending changes."
                : "Pending for the next start (`restart` applies them): " + String.join(", ", pending) + ".");
        return text.toString();
    }

    private static String wrap(List<String> flags, String indent) {
        StringBuilder out = new StringBuilder(indent);
        int used = indent.length();
        for (String flag : flags) {
            if (used > indent.length() && used + 1 + flag.length() > 110) {
                out.append('\n').append(indent);
                used = indent.length();
            } else if (used > indent.length()) {
                out.append(' ');
                used++;
            }
            out.append(flag);
            used += flag.length();
        }
        return out.toString();
    }
}
