package io.leakdrill.console.commands;

import io.leakdrill.console.Command;
import io.leakdrill.console.DrillSession;
import io.leakdrill.console.UsageException;
import io.leakdrill.drill.HistogramStore;
import io.leakdrill.drill.HistogramStore.Entry;
import io.leakdrill.drill.HistogramStore.Growth;
import io.leakdrill.drill.HistogramStore.Histogram;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Class histograms of the CRM's live heap (the DiagnosticCommand MBean, as {@code jcmd GC.class_histogram}; it forces
 * a full GC), the growth between two of them, and full heap dumps.
 */
public final class HeapCommand implements Command {

    private static final int KEEP = 80;
    private static final int SHOW = 15;
    private static final int SHRANK = 5;

    @Override
    public String name() {
        return "heap";
    }

    @Override
    public String summary() {
        return "`heap histo`: live objects by class (forces a full GC); `heap diff [H1 H2] [CLASS]`: what grew (and shrank)"
                + " between two; `heap roots CLASS`: what keeps it alive; `heap dump`: a .hprof for Eclipse MAT or"
                + " VisualVM";
    }

    @Override
    public String usage() {
        return "heap histo | heap diff [H1 H2] [CLASS] | heap roots CLASS | heap dump";
    }

    @Override
    public Purpose purpose() {
        return Purpose.SERVER;
    }

    @Override
    public String example() {
        return "heap histo, then a few minutes later: heap diff";
    }

    @Override
    public List<String> candidates(List<String> typed, DrillSession session) {
        if (typed.isEmpty()) {
            return List.of("histo", "diff", "roots", "dump");
        }
        if (typed.get(0).equals("diff") && typed.size() <= 2) {
            return session.drill().histograms().all().stream().map(h -> h.id()).toList();
        }
        return List.of();
    }

    @Override
    public Result run(List<String> args, DrillSession session) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("heap needs a sub-command");
        }
        return switch (args.get(0)) {
            case "histo" -> histo(session);
            case "diff" -> diff(args.subList(1, args.size()), session);
            case "roots" -> HeapRoots.run(args.subList(1, args.size()), session);
            case "dump" -> new HeapDumper().dump(session);
            default -> throw new UsageException("unknown sub-command '" + args.get(0) + "'");
        };
    }

    private Result histo(DrillSession session) throws Exception {
        var crm = session.drill().crm();
        if (crm.port() < 0) {
            return Result.error("the CRM is down; there is no heap to inspect");
        }
        JsonObject answer = crm.admin().histogram(KEEP, Duration.ofSeconds(30));
        Map<String, Entry> rows = new LinkedHashMap<>();
        for (JsonValue v : answer.getJsonArray("rows")) {
            JsonObject row = v.asJsonObject();
            rows.put(row.getString("class"), new Entry(row.getJsonNumber("instances").longValue(),
                    row.getJsonNumber("bytes").longValue()));
        }
        long pauseMs = answer.getJsonNumber("tookMicros").longValue() / 1000;
        Histogram h = session.drill().histograms().add(session.drill().clock().elapsedSeconds(), session.clock(),
                crm.process().pid(), rows);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s at %s, CRM pid %d (took %d ms, including the full GC it forces)%n%4s %12s %12s  %s%n", h.id(),
                h.clock(), h.pid(), pauseMs, "#", "INSTANCES", "BYTES", "CLASS"));
        int i = 0;
        for (Map.Entry<String, Entry> row : rows.entrySet()) {
            if (++i > SHOW) {
                break;
            }
            text.append(String.format(Locale.ROOT, "%4d %12d %12d  %s%n", i, row.getValue().instances(),
                    row.getValue().bytes(), row.getKey()));
        }
        text.append(session.drill().histograms().all().size() >= 2
                ? "`heap diff` compares the last two histograms."
                : "Take another later and `heap diff` shows what grew.");
        String top = rows.keySet().stream().findFirst().orElse("");
        session.evidence(Json.createObjectBuilder().add("kind", "histogram").add("id", h.id())
                .add("top", top).add("pauseMs", pauseMs));
        return Result.ok(text.toString());
    }

    private Result diff(List<String> args, DrillSession session) throws UsageException {
        // Anything that is not a histogram id narrows the diff to classes whose name holds it: a small class that
        // grows in count (a listener, a queued message) hides below the big byte arrays it owns.
        List<String> ids = args.stream().filter(HistogramStore::isId).toList();
        String only = args.stream().filter(a -> !HistogramStore.isId(a)).findFirst().orElse("");
        HistogramStore store = session.drill().histograms();
        Histogram from;
        Histogram to;
        if (ids.isEmpty()) {
            List<Histogram> all = store.all();
            if (all.size() < 2) {
                return Result.error("need two histograms to compare; take them with `heap histo` some minutes apart");
            }
            from = all.get(all.size() - 2);
            to = all.get(all.size() - 1);
        } else if (ids.size() == 2) {
            from = store.byId(ids.get(0)).orElseThrow(() -> new UsageException("no histogram " + ids.get(0)));
            to = store.byId(ids.get(1)).orElseThrow(() -> new UsageException("no histogram " + ids.get(1)));
        } else {
            throw new UsageException("give two histogram ids, or none for the last two");
        }
        List<Growth> growth = to.growthSince(from, only);
        if (growth.isEmpty() && !only.isEmpty()) {
            return Result.error("no class in " + to.id() + " has '" + only + "' in its name; `heap diff` alone shows"
                    + " every class, and a histogram shows the names to narrow it to");
        }
        double minutes = (to.atSeconds() - from.atSeconds()) / 60;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Growth from %s (%s) to %s (%s), %.1f incident minutes%s%n%12s %12s  %s%n", from.id(), from.clock(),
                to.id(), to.clock(), minutes, from.pid() != to.pid() ? " (WARNING: different CRM processes)" : "",
                "+INSTANCES", "+BYTES", "CLASS"));
        growth.stream().limit(SHOW).forEach(g -> text.append(String.format(Locale.ROOT, "%+12d %+12d  %s%n",
                g.instances(), g.bytes(), g.className())));
        // What shrank tells work being done off a backlog (or a cache evicting) from state that is only ever kept.
        List<Growth> shrank = growth.stream().filter(g -> g.bytes() < 0)
                .sorted((a, b) -> Long.compare(a.bytes(), b.bytes())).limit(SHRANK).toList();
        if (!shrank.isEmpty()) {
            text.append(String.format(Locale.ROOT, "Shrank most:%n"));
            shrank.forEach(g -> text.append(String.format(Locale.ROOT, "%+12d %+12d  %s%n", g.instances(),
                    g.bytes(), g.className())));
        }
        JsonArrayBuilder growing = Json.createArrayBuilder();
        growth.stream().filter(g -> g.bytes() > 0).limit(5).forEach(g -> growing.add(g.className()));
        session.evidence(Json.createObjectBuilder().add("kind", "histogram-diff").add("from", from.id())
                .add("to", to.id()).add("growing", growing));
        return Result.ok(text.toString().strip());
    }
}
