package io.leakdrill.drill;

import io.leakdrill.Version;
import io.leakdrill.grader.Grader;
import io.leakdrill.grader.Scorecard;
import io.leakdrill.grader.Transcript;
import io.leakdrill.scenario.CrmComponents;
import io.leakdrill.scenario.Scenario;
import io.leakdrill.world.LoopbackHttp;
import io.leakdrill.world.crm.CpuHistory;
import io.leakdrill.world.crm.CrmHost;
import io.leakdrill.world.crm.CrmLaunch;
import io.leakdrill.world.crm.CrmLogWatcher;
import io.leakdrill.world.crm.CrmStartException;
import io.leakdrill.world.database.CrmDatabase;
import io.leakdrill.world.edge.EdgeProxy;
import io.leakdrill.world.edge.PingTargets;
import io.leakdrill.world.mail.MailRelay;
import io.leakdrill.world.monitor.AlertEngine;
import io.leakdrill.world.monitor.MemoryArea;
import io.leakdrill.world.monitor.Sample;
import io.leakdrill.world.monitor.SampleHistory;
import io.leakdrill.world.monitor.Sampler;
import io.leakdrill.world.users.RequestMix;
import io.leakdrill.world.users.TrafficLog;
import io.leakdrill.world.users.VirtualUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running drill: the CRM, the users and the monitor, the incident clock, and the transcript. It starts the
 * world where the story starts, ticks the monitor on a fixed interval, and ends by grading its own transcript.
 */
public final class Drill implements AutoCloseable {

    private final DrillOptions options;
    private final Scenario scenario;
    private final MemoryArea area;
    private final IncidentClock clock;
    private final TranscriptWriter transcript;
    private final CrmHost crm;
    private final CrmDatabase database;
    private final MailRelay relay;
    private final TrafficLog traffic = new TrafficLog(200_000);
    private final SampleHistory samples = new SampleHistory(5_000);
    private final AlertEngine alerts;
    private final Schedule<Scenario.StoryEvent> timeline;
    private final DecoyRunner decoys;
    private final HistogramStore histograms = new HistogramStore();
    private final CpuHistory cpu = new CpuHistory(200);
    private final AutoRestart autoRestart = new AutoRestart();
    private final ScheduledExecutorService ticker;
    private final StartupPhases startup;
    private volatile boolean promptShown;
    private volatile EventSink sink = (tone, line) -> { };
    private Sampler sampler;
    private HabitPacer pacer;
    private VirtualUsers users;
    private volatile EdgeProxy edge;
    private final PingTargets pingTargets = new PingTargets();
    private CrmLogWatcher logWatcher;
    private int watchedGeneration;
    private boolean crashReported;
    private volatile Double exhaustedAtSeconds;
    private boolean ended;
    private boolean worldStopped;

    private Drill(DrillOptions options, CrmDatabase database, MailRelay relay, CrmHost crm,
            TranscriptWriter transcript, IncidentClock clock, StartupPhases startup) {
        this.options = options;
        this.startup = startup;
        this.scenario = options.scenario();
        this.area = CrmComponents.byId(options.variant().leakingComponent()).map(CrmComponents::area)
                .orElse(MemoryArea.HEAP);
        this.database = database;
        this.relay = relay;
        this.crm = crm;
        this.transcript = transcript;
        this.clock = clock;
        this.alerts = new AlertEngine(scenario.alerts());
        this.timeline = new Schedule<>(scenario.timeline(), Scenario.StoryEvent::trigger);
        this.decoys = new DecoyRunner(options.variant().decoys().stream()
                .map(id -> scenario.decoys().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow())
                .toList(), decoy -> DecoyFaults.of(decoy, users, edge, database));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the database and the CRM (the database seeds while the CRM's JVM starts), grows the leak to the
     * scenario's starting floor, starts traffic, and starts the clock.
     */
    public static Drill start(DrillOptions options) throws IOException, CrmStartException {
        StartupPhases startup = new StartupPhases();
        startup.mark("main");
        Scenario scenario = options.scenario();
        Files.createDirectories(options.folder());
        IncidentClock clock = new IncidentClock(options.clock(), scenario.start(), options.speed());
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        // The database server starts while the transcript and the HTTP client get ready, and the CRM's JVM boots
        // meanwhile: it gets the database's login once the server listens.
        CrmDatabase.Starting starting = CrmDatabase.startInBackground(options.seed());
        TranscriptWriter transcript;
        MailRelay relay;
        try {
            transcript = new TranscriptWriter(options.transcript(), clock, header(options));
        } catch (IOException | RuntimeException e) {
            starting.abandon();
            throw e;
        }
        try {
            relay = MailRelay.start(options.speed());
        } catch (IOException | RuntimeException e) {
            starting.abandon();
            transcript.close();
            throw e;
        }
        CrmLaunch launch = new CrmLaunch(options.folder(), scenario.crm().heapMb(), scenario.crm().gc(),
                scenario.crm().jvmOptions(), scenario.crm().crashOnOutOfMemory(), options.seed(), options.speed(),
                startVersions(scenario, options.variant()), token, starting.crmLogin(), relay.port());
        CrmHost crm = new CrmHost(launch, LoopbackHttp.client().build());
        CrmDatabase database;
        try {
            crm.start();
            startup.mark("crmListening");
            database = starting.await();
            startup.mark("database");
        } catch (IOException | CrmStartException | RuntimeException e) {
            crm.close();
            starting.abandon();
            relay.close();
            transcript.close();
            throw e;
        }
        Drill drill = new Drill(options, database, relay, crm, transcript, clock, startup);
        try {
            database.awaitLogins(Duration.ofSeconds(60));
            startup.mark("logins");
            drill.begin();
        } catch (IOException | RuntimeException e) {
            drill.close();
            throw e;
        }
        return drill;
    }

    /** Every component starts in its sound version except the one this variant makes leak. */
    private static java.util.Map<String, String> startVersions(Scenario scenario, Scenario.Variant variant) {
        java.util.Map<String, String> versions = new java.util.TreeMap<>();
        for (String id : scenario.crm().components()) {
            CrmComponents.byId(id).ifPresent(c -> versions.put(id,
                    c.startVersion(id.equals(variant.leakingComponent()))));
        }
        return versions;
    }

    private static JsonObject header(DrillOptions options) {
        return Json.createObjectBuilder()
                .add("type", "drill")
                .add("format", 1)
                .add("leakdrill", Version.current())
                .add("java", System.getProperty("java.version"))
                .add("drillId", options.folder().getFileName().toString())
                .add("trainee", options.trainee())
                .add("seed", options.seed())
                .add("variant", options.variant().id())
                .add("leakArea", CrmComponents.byId(options.variant().leakingComponent()).map(CrmComponents::area)
                        .orElse(MemoryArea.HEAP).id())
                .add("leak", leakKey(options.variant().leakingComponent(), options.scenario().crm().components()))
                .add("speed", options.speed())
                .add("incidentStart", options.scenario().start().toString())
                .add("realStart", options.clock().instant().toString())
                .add("scenario", options.scenario().json())
                .build();
    }

    private void begin() throws IOException {
        long bytesPerLeakedUse = growLeakToStartingFloor();
        startup.mark("leakGrown");
        database.awaitServing(Duration.ofSeconds(60));
        startup.mark("databaseServing");
        Scenario.Traffic t = scenario.traffic();
        edge = EdgeProxy.start(crm::port, clock::realMillis);
        pingTargets.add("edge", "127.0.0.1", edge::port).add("crm", "127.0.0.1", crm::port)
                .add("database", database.host(), database::port).add("mail-relay", "127.0.0.1", relay::port);
        users = new VirtualUsers(t.users(), t.thinkTimeMs(), Duration.ofMillis(t.timeoutMs()),
                new RequestMix(t.mix()), edge::port, VirtualUsers.Habit.feeding(options.variant().leakingComponent()),
                () -> pacer.habitProbability(), traffic, options.seed());
        clock.start();
        sampler = new Sampler(traffic, t.users(), t.slowMs(), clock.realMillis());
        pacer.update(0, pacer.plannedFloor(0), t.users() * 1000.0 / t.thinkTimeMs(), 0);
        users.start();
        database.loadHistory();
        watch();
        long intervalMillis = Math.max(50, clock.realFor(scenario.monitorInterval()).toMillis());
        ticker.scheduleAtFixedRate(this::safeTick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        long startupMs = startup.mark("traffic");
        transcript.write("ready", Json.createObjectBuilder().add("startupMs", startupMs)
                .add("phases", startup.toJson()).add("cpuMs", StartupPhases.cpuJson(crm.process().pid()))
                .add("crmPid", crm.process().pid()).add("bytesPerLeakedUse", bytesPerLeakedUse));
    }

    /**
     * The incident begins after the leak has grown for weeks: replay past uses of the leaking component through the
     * CRM's own code until the old generation holds the scenario's starting floor. The first batch measures how many
     * bytes one use leaves behind.
     */
    private long growLeakToStartingFloor() throws IOException {
        try {
            Duration timeout = Duration.ofSeconds(30);
            int probe = 200;
            String leaking = options.variant().leakingComponent();
            String areaId = area.id();
            JsonObject grown = crm.admin().warmup(leaking, areaId, probe, scenario.leak().startFloorRatio(), timeout);
            long perUse = grown.getJsonNumber("perUse").longValue();
            long max = grown.getJsonNumber("max").longValue();
            long floor = grown.getJsonNumber("after").longValue();
            pacer = pacer(floor, scenario.leak().exhaustedRatio() * max, perUse);
            return perUse;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing the CRM", e);
        }
    }

    /**
     * A plain leak keeps what each use leaves. A backlog loses what its consumer hands on (the original mail outbox:
     * one relay connection at the relay's pace) and gains with the traffic, so its pace follows the story's load.
     */
    private HabitPacer pacer(double floor, double exhaustedBytes, long perUse) {
        double target = scenario.leak().exhaustedAt().toSeconds();
        var backlog = CrmComponents.byId(options.variant().leakingComponent()).flatMap(CrmComponents::backlog);
        if (backlog.isEmpty()) {
            return new LeakPacer(floor, exhaustedBytes, target, options.speed(), perUse);
        }
        double drainPerSecond = MailRelay.MESSAGES_PER_MINUTE / 60 * backlog.get().consumers()
                / backlog.get().itemsPerUse();
        LoadProfile load = LoadProfile.of(options.variant().decoys().stream()
                .map(id -> scenario.decoys().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow())
                .toList());
        // The CRM's heap floor is the lowest old generation after GC over the last five incident minutes.
        Scenario.Traffic t = scenario.traffic();
        double itemsPerUse = backlog.get().itemsPerUse();
        return new BacklogPacer(floor, exhaustedBytes, target, options.speed(), perUse, drainPerSecond,
                () -> relay.accepted() / itemsPerUse, load, 5 * 60, t.users() * 1000.0 / t.thinkTimeMs());
    }

    private void watch() {
        watchedGeneration = crm.generation();
        logWatcher = new CrmLogWatcher(crm.process().stdout());
        crashReported = false;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            sink.show(EventSink.Tone.WARN, "monitor: " + e);
        }
    }

    /** One monitor step: sample, alerts, story, leak pace, crash and exhaustion watch. */
    synchronized void tick() {
        if (ended) {
            return;
        }
        double at = clock.elapsedSeconds();
        long tickStartMillis = clock.realMillis();
        int generation = crm.generation();
        var process = crm.process();
        if (process != null) {
            CpuHistory.read(process.pid(), System.nanoTime(), at).ifPresent(cpu::add);
        }
        boolean up = crm.port() > 0;
        Sample sample = sampler.sample(at, clock.realMillis(), up ? crm.admin() : null,
                Duration.ofMillis(Math.max(500, Math.min(2000, clock.realFor(scenario.monitorInterval()).toMillis()))));
        samples.add(sample);
        transcript.write("sample", SampleJson.of(sample));
        for (AlertEngine.Transition change : alerts.evaluate(sample)) {
            var alert = change.alert();
            transcript.write("alert", Json.createObjectBuilder().add("alert", alert.id())
                    .add("rule", alert.rule().id()).add("state", change.fired() ? "firing" : "resolved")
                    .add("severity", alert.rule().severity()).add("summary", alert.rule().summary())
                    .add("expr", alert.rule().condition().toString())
                    .add("value", Math.round(alert.rule().condition().valueIn(sample) * 1000) / 1000.0)
                    // Incident seconds from the sample's moment to the alert being shown: scrape plus evaluation.
                    .add("lagSeconds", Math.round((clock.realMillis() - tickStartMillis) * options.speed() / 100.0)
                            / 10.0));
            EventSink.Tone tone = !change.fired() ? EventSink.Tone.GOOD
                    : "SEV1".equals(alert.rule().severity()) ? EventSink.Tone.BAD : EventSink.Tone.WARN;
            sink.show(tone, change.fired()
                    ? "ALERT " + alert.id() + " [" + alert.rule().severity() + "] " + alert.rule().summary()
                    : "RESOLVED " + alert.id() + " " + alert.rule().summary());
        }
        for (DecoyRunner.Change change : decoys.step(clock.elapsed(), sample)) {
            transcript.write("decoy", Json.createObjectBuilder().add("decoy", change.decoy().id())
                    .add("kind", change.decoy().kind().id()).add("state", change.begun() ? "begun" : "ended"));
        }
        for (Scenario.StoryEvent event : timeline.due(clock.elapsed(), sample)) {
            transcript.write("story", Json.createObjectBuilder().add("event", event.id()).add("kind", event.kind())
                    .add("from", event.from()).add("text", event.text()));
            sink.show(EventSink.Tone.INFO,
                    event.kind().toUpperCase() + " from " + event.from() + ": " + event.text());
        }
        if (sample.crmUp()) {
            pacer.update(at, area.used(sample), sample.requestsPerSecond(), area.max(sample));
        }
        watchCrm(sample);
        autoRestart(sample, generation);
    }

    // Last in the tick: the sample's alerts, story and leak pace belong to the process it was taken from.
    private void autoRestart(Sample sample, int sampledGeneration) {
        if (crm.generation() != sampledGeneration) {
            // Someone restarted the CRM while it was sampled: the sample describes a process that is gone.
            return;
        }
        var decision = autoRestart.decide(sample);
        if (decision.isEmpty()) {
            return;
        }
        String rule = decision.get().rule().toString();
        double value = Math.round(decision.get().value() * 1000) / 1000.0;
        long oldPid = crm.process() == null ? -1 : crm.process().pid();
        try {
            crm.restart();
        } catch (IOException | CrmStartException e) {
            transcript.write("autorestart", Json.createObjectBuilder().add("state", "failed").add("rule", rule)
                    .add("detail", String.valueOf(e.getMessage())));
            sink.show(EventSink.Tone.BAD, "AUTORESTART failed: the CRM did not start again: " + e.getMessage());
            return;
        }
        restarted();
        long pid = crm.process().pid();
        // The grader reads this as what it is: a scheduled restart that hides the leak rather than fixing it.
        transcript.write("restart", Json.createObjectBuilder().add("reason", "autorestart").add("pid", pid)
                .add("previousPid", oldPid).add("rule", rule).add("value", value).add("bandAid", true)
                .add("hidesLeak", true));
        sink.show(EventSink.Tone.WARN, "AUTORESTART " + rule + " held (" + value + "): CRM pid " + oldPid
                + " restarted as pid " + pid + ". The leak is still in the code; it will fill this heap too.");
    }

    private void watchCrm(Sample sample) {
        if (crm.generation() != watchedGeneration) {
            watch();
        }
        for (String line : logWatcher.newOutOfMemoryLines()) {
            transcript.write("crm", Json.createObjectBuilder().add("state", "oom").add("exitCode", -1)
                    .add("detail", line));
            sink.show(EventSink.Tone.BAD, "CRM log: " + line);
            markExhausted(sample);
        }
        var process = crm.process();
        if (process != null && !process.isAlive() && !crashReported) {
            crashReported = true;
            String tail = process.outputTail();
            transcript.write("crm", Json.createObjectBuilder().add("state", "exited")
                    .add("exitCode", process.exitCode()).add("detail", tail));
            sink.show(EventSink.Tone.BAD, "CRM process " + process.pid() + " exited with code "
                    + process.exitCode() + "; users cannot reach it. `restart` brings it back.");
            markExhausted(sample);
        }
        if (sample.crmUp() && area.ratio(sample) >= scenario.leak().exhaustedRatio()) {
            markExhausted(sample);
        }
    }

    private void markExhausted(Sample sample) {
        if (exhaustedAtSeconds == null && crm.generation() == 1) {
            exhaustedAtSeconds = sample.atSeconds();
            transcript.write("exhausted", Json.createObjectBuilder().add("area", area.id())
                    .add("ratio", Math.round(area.ratio(sample) * 1000) / 1000.0));
        }
    }

    /**
     * Records, once, that the trainee's first prompt is on screen: the time from the JVM's start to it is what a
     * trainee waits, and what `leakdrill bench` reports.
     */
    public void promptShown() {
        if (!promptShown) {
            promptShown = true;
            transcript.write("prompt", Json.createObjectBuilder().add("sinceStartMs",
                    startup.sinceJvmStart()));
        }
    }

    /**
     * What the grader checks a diagnosis against: the leak's pattern, the class that grows, the field that holds it,
     * and the memory area of every component the CRM runs, so that a wrong component in the right area earns that.
     */
    private static JsonObjectBuilder leakKey(String leaking, List<String> components) {
        JsonObjectBuilder areas = Json.createObjectBuilder();
        components.forEach(id -> CrmComponents.byId(id).ifPresent(c -> areas.add(id, c.area().id())));
        JsonObjectBuilder key = Json.createObjectBuilder().add("componentAreas", areas);
        CrmComponents.byId(leaking).ifPresent(c -> {
            c.pattern().ifPresent(p -> key.add("pattern", p.id()));
            if (c.evidence() != null) {
                key.add("leakClass", c.evidence().leakClass()).add("retainedBy", c.evidence().retainedBy());
            }
        });
        return key;
    }

    /** Where the leak of this run piles up. */
    public MemoryArea leakArea() {
        return area;
    }

    /** When the first CRM ran out of its leaking memory area (incident seconds), if it has. */
    public java.util.OptionalDouble exhaustedAtSeconds() {
        Double at = exhaustedAtSeconds;
        return at == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(at);
    }

    public void setSink(EventSink sink) {
        this.sink = sink;
    }

    public IncidentClock clock() {
        return clock;
    }

    public Scenario scenario() {
        return scenario;
    }

    public CrmHost crm() {
        return crm;
    }

    /** The TCP proxy between the users and the CRM: what users experience passes through it. */
    public EdgeProxy edge() {
        return edge;
    }

    /** The hosts `net ping` measures; a component adds itself with one line. */
    public PingTargets pingTargets() {
        return pingTargets;
    }

    /** The CRM's database, for the trainee's `db` commands and for faults on it. */
    public CrmDatabase database() {
        return database;
    }

    public AlertEngine alerts() {
        return alerts;
    }

    public SampleHistory samples() {
        return samples;
    }

    /** The CRM process's CPU time, read from the operating system at every monitor tick. */
    public CpuHistory cpu() {
        return cpu;
    }

    public HistogramStore histograms() {
        return histograms;
    }

    public TranscriptWriter transcript() {
        return transcript;
    }

    /** What the trainee has seen happen and done so far, without the decoys or anything else kept from them. */
    public Happenings happenings() {
        return transcript.happenings();
    }

    public DrillOptions options() {
        return options;
    }

    /** After a restart the old plan no longer applies; the leak keeps its pace from a fresh heap. */
    public synchronized void restarted() {
        pacer.offPlan();
        watch();
        autoRestart.restarted(clock.elapsedSeconds());
    }

    /** The trainee's restart watchdog (`autorestart`); the monitor tick asks it after every sample. */
    public AutoRestart autoRestart() {
        return autoRestart;
    }

    /**
     * Ends the incident: records why, freezes the incident clock there and stops the world (monitor, users, edge,
     * CRM, relay, database). The transcript stays open for what the trainee writes after the end, the postmortem.
     */
    public void stop(String reason) {
        synchronized (this) {
            if (!ended) {
                // Frozen first, so that the end and everything written after it carry the same incident time.
                clock.freeze();
                transcript.write("end", Json.createObjectBuilder().add("reason", reason));
                ended = true;
            }
        }
        stopWorld();
    }

    /** Closes the transcript and grades it as written; call after {@link #stop}. */
    public Scorecard grade() throws IOException {
        close();
        try (Reader reader = Files.newBufferedReader(transcript.file())) {
            return Grader.grade(Transcript.parse(reader));
        }
    }

    /** Ends the drill with no postmortem: records why, stops the world, and grades the transcript as written. */
    public Scorecard end(String reason) throws IOException {
        stop(reason);
        return grade();
    }

    // Once only: the drill stops the world at its end, and closes again from a shutdown hook or a finally.
    private void stopWorld() {
        synchronized (this) {
            if (worldStopped) {
                return;
            }
            worldStopped = true;
        }
        ticker.shutdownNow();
        decoys.close();
        if (users != null) {
            users.close();
        }
        if (edge != null) {
            edge.close();
        }
        crm.close();
        relay.close();
        database.close();
    }

    @Override
    public void close() {
        stopWorld();
        try {
            transcript.close();
        } catch (IOException ignored) {
            // Every event was flushed as it was written; nothing is lost by a failed close.
        }
    }
}
