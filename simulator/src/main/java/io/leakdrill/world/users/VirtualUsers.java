package io.leakdrill.world.users;

import io.leakdrill.world.Fault;
import io.leakdrill.world.LoopbackHttp;
import io.leakdrill.world.users.RequestMix.Action;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/**
 * Sales reps using the CRM over real HTTP: each logs in and works through the request mix with think time, and now
 * and then does the thing the scenario's leak feeds on. Everything they experience lands in a {@link TrafficLog}.
 */
public final class VirtualUsers implements AutoCloseable {

    /** What users do now and then that the leaking component keeps forever. */
    public enum Habit {
        /** Walk away from a session and log in afresh; the session cache keeps the old one. */
        NEW_VISIT("session-cache"),
        /** Export a pipeline report with a filter of their own; the report cache keeps every distinct report. */
        CUSTOM_REPORT("report-cache"),
        /** Open their live deal room, then move on; the room stays subscribed to deal changes after the page. */
        OPEN_DEAL_ROOM("deal-watchers"),
        /** Paste a spreadsheet of deal changes into the bulk import; each import's context stays on its worker. */
        BULK_IMPORT("bulk-import"),
        /** Attach a file (a quote, a screenshot, a signed contract) to a deal; the attachment store stages it. */
        ATTACH_FILE("attachment-store"),
        /** Send a customer a quote; the quote templates compile a template for the quote. */
        SEND_QUOTE("quote-templates"),
        /** Ask a deal's account team to review it; the CRM queues an e-mail that waits for the mail relay. */
        TEAM_NOTICE("mail-outbox");

        private final String component;

        Habit(String component) {
            this.component = component;
        }

        /** The habit that feeds a component, the first one when none does (a sound CRM still has visitors). */
        public static Habit feeding(String component) {
            return java.util.Arrays.stream(values()).filter(h -> h.component.equals(component)).findFirst()
                    .orElse(NEW_VISIT);
        }
    }

    private static final String[] SEARCH_TERMS = {"acme", "blue", "cedar", "delta", "ember", "harbor", "iron",
        "maple", "nova", "pine", "river", "summit", "labs", "foods", "energy"};
    private static final String[] STAGES = {"prospect", "qualified", "proposal", "negotiation", "won", "lost"};
    private static final String[] IMPORT_NOTES = {"Q3 forecast review", "moved per customer call",
        "pricing approved by RVP", "renewal pulled into this quarter", "champion confirmed budget",
        "legal redlines back from customer", "pushed: procurement freeze", "closed per signed order form",
        "territory realignment", "updated after QBR"};
    private static final int IMPORT_ROWS = 50;
    private static final String[][] FILES = {{"quote", ".pdf", "application/pdf"},
        {"screenshot", ".png", "image/png"}, {"signed-contract", ".pdf", "application/pdf"},
        {"pricing", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};

    /**
     * The bytes of every attachment users send, sliced to each file's size: content does not matter, only size.
     * Made on the first upload, not with the users: filling a megabyte held up every drill's first prompt.
     */
    private static final class FileContent {
        static final byte[] BYTES = new byte[1024 * 1024];

        static {
            new Random(5).nextBytes(BYTES);
        }
    }

    private static final String[] QUOTE_TEMPLATES = {"standard", "standard", "renewal", "enterprise", "multi-year"};
    private static final String[] REGIONS = {"Chicago", "Dallas", "Denver", "Houston", "Austin", "Omaha", "Tulsa"};

    private final int count;
    private final long thinkMs;
    private final Duration timeout;
    private final RequestMix mix;
    private final IntSupplier port;
    private final Habit habit;
    private final DoubleSupplier habitProbability;
    private final List<Double> surges = new CopyOnWriteArrayList<>();
    private final TrafficLog log;
    private final HttpClient http;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param port the port users connect to (the edge, or the CRM itself), or -1 while it is down
     * @param habitProbability before each action, the chance that a user does the habit instead
     */
    public VirtualUsers(int count, long thinkMs, Duration timeout, RequestMix mix, IntSupplier port, Habit habit,
            DoubleSupplier habitProbability, TrafficLog log, long seed) {
        this.count = count;
        this.thinkMs = thinkMs;
        this.timeout = timeout;
        this.mix = mix;
        this.port = port;
        this.habit = habit;
        this.habitProbability = habitProbability;
        this.log = log;
        this.seed = seed;
        this.http = LoopbackHttp.client().connectTimeout(timeout).build();
    }

    public int count() {
        return count;
    }

    public void start() {
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread t = new Thread(() -> runUser(index), "user-" + index);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void runUser(int index) {
        Random random = new Random(seed * 31 + index);
        String user = String.format(Locale.ROOT, "rep-%02d", index % 40 + 1);
        String session = null;
        // The ids of this rep's own deals, from their pipeline export: what their import files change.
        List<Long> ownDeals = new ArrayList<>();
        // Spread the first requests so the users do not arrive in lock-step.
        pause(random.nextInt((int) Math.max(1, thinkMs)));
        while (running) {
            int crmPort = port.getAsInt();
            if (crmPort < 0) {
                log.record(System.currentTimeMillis(), index, 0, Outcome.ERROR, false);
                session = null;
                pause(thinkMs);
                continue;
            }
            URI base = URI.create("http://127.0.0.1:" + crmPort);
            boolean habitNow = random.nextDouble() < habitProbability.getAsDouble();
            if (session == null || (habitNow && habit == Habit.NEW_VISIT)) {
                session = login(base, index, user);
            } else {
                Result result = habitNow ? habitRequest(base, session, random, ownDeals)
                        : perform(base, session, mix.pick(random), random);
                if (!running) {
                    break;
                }
                log.record(System.currentTimeMillis(), index, result.latencyMs, result.outcome, false);
                if (result.status == 401) {
                    session = null;
                }
            }
            pause((long) (thinkMs * (0.5 + random.nextDouble()) / pace()));
        }
    }

    private double pace() {
        double pace = 1;
        for (double factor : surges) {
            pace *= factor;
        }
        return pace;
    }

    /** A traffic surge: users think {@code factor} times faster while it lasts (end-of-quarter push, a campaign). */
    public Fault surge(double factor) {
        Double mine = factor;
        return new Fault() {
            @Override
            public void begin() {
                surges.add(mine);
            }

            @Override
            public void end() {
                surges.remove(mine);
            }
        };
    }

    private String login(URI base, int index, String user) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/login")).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build();
        Result result = send(request);
        if (!running) {
            return null;
        }
        log.record(System.currentTimeMillis(), index, result.latencyMs, result.outcome, true);
        if (result.outcome != Outcome.OK) {
            return null;
        }
        int start = result.body.indexOf("\"session\":\"") + 11;
        return result.body.substring(start, result.body.indexOf('"', start));
    }

    private Result perform(URI base, String session, Action action, Random random) {
        HttpRequest.Builder builder = switch (action) {
            case SEARCH -> HttpRequest.newBuilder(base.resolve("/api/customers?q="
                    + SEARCH_TERMS[random.nextInt(SEARCH_TERMS.length)])).GET();
            case OPEN_CUSTOMER -> HttpRequest.newBuilder(base.resolve("/api/customers/" + (1 + random.nextInt(5000))))
                    .GET();
            case UPDATE_DEAL -> HttpRequest.newBuilder(base.resolve("/api/deals/" + (1 + random.nextInt(10_000))))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\":\"negotiation\",\"amountCents\":"
                            + (100_000 + random.nextInt(5_000_000)) + "}"));
            case CREATE_DEAL -> HttpRequest.newBuilder(base.resolve("/api/deals"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":" + (1 + random.nextInt(5000))
                            + ",\"title\":\"Upsell\",\"amountCents\":" + (100_000 + random.nextInt(900_000)) + "}"));
            case EXPORT_REPORT -> HttpRequest.newBuilder(base.resolve("/api/reports/pipeline?region="
                    + REGIONS[random.nextInt(REGIONS.length)])).GET();
        };
        return send(builder.timeout(timeout).header("X-Session", session).build());
    }

    private Result habitRequest(URI base, String session, Random random, List<Long> ownDeals) {
        return switch (habit) {
            case OPEN_DEAL_ROOM -> send(HttpRequest.newBuilder(base.resolve("/api/deal-room")).GET()
                    .timeout(timeout).header("X-Session", session).build());
            case BULK_IMPORT -> bulkImport(base, session, random, ownDeals);
            case ATTACH_FILE -> attachFile(base, session, random);
            case SEND_QUOTE -> sendQuote(base, session, random);
            case TEAM_NOTICE -> teamNotice(base, session, random);
            default -> customReport(base, session, random);
        };
    }

    /**
     * A rep exports their pipeline once, then now and then pastes a file of changes to their own deals from the
     * spreadsheet: a header and one line per deal. Reps never touch each other's deals, so imports do not wait on
     * each other's row locks.
     */
    private Result bulkImport(URI base, String session, Random random, List<Long> ownDeals) {
        if (ownDeals.isEmpty()) {
            Result export = send(HttpRequest.newBuilder(base.resolve("/api/reports/pipeline?since=2020-01-01")).GET()
                    .timeout(timeout).header("X-Session", session).build());
            if (export.outcome == Outcome.OK && export.status == 200) {
                export.body.lines().skip(1).map(line -> line.split(",", 2)[0])
                        .filter(id -> !id.isEmpty() && id.chars().allMatch(Character::isDigit))
                        .forEach(id -> ownDeals.add(Long.parseLong(id)));
            }
            return export;
        }
        StringBuilder csv = new StringBuilder("deal,stage,amount,close,note\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append(ownDeals.get(random.nextInt(ownDeals.size()))).append(',')
                    .append(STAGES[random.nextInt(STAGES.length)]).append(',')
                    .append(1_000 + random.nextInt(50_000)).append('.').append(10 + random.nextInt(90))
                    .append(',').append(java.time.LocalDate.of(2021, 7, 1).plusDays(random.nextInt(180)))
                    .append(',').append(IMPORT_NOTES[random.nextInt(IMPORT_NOTES.length)]).append('\n');
        }
        return send(HttpRequest.newBuilder(base.resolve("/api/deals/bulk"))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).header("Content-Type", "text/csv")
                .timeout(timeout).header("X-Session", session).build());
    }

    // A quote for one of the customers, on one of the library's templates.
    private Result sendQuote(URI base, String session, Random random) {
        String body = "{\"customerId\":" + (1 + random.nextInt(5000)) + ",\"template\":\""
                + QUOTE_TEMPLATES[random.nextInt(QUOTE_TEMPLATES.length)] + "\"}";
        return send(HttpRequest.newBuilder(base.resolve("/api/quotes")).POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(timeout).header("X-Session", session).build());
    }

    // The rep's own deals since a date they picked: distinct dates make distinct reports.
    private Result customReport(URI base, String session, Random random) {
        String since = java.time.LocalDate.of(2020, 1, 1).plusDays(random.nextInt(730)).toString();
        return send(HttpRequest.newBuilder(base.resolve("/api/reports/pipeline?since=" + since)).GET()
                .timeout(timeout).header("X-Session", session).build());
    }

    // A file for a deal, sized as reps' attachments are: the CRM's replay of past uploads uses the same spread.
    private Result attachFile(URI base, String session, Random random) {
        long deal = 1 + random.nextInt(10_000);
        String[] file = FILES[random.nextInt(FILES.length)];
        int size = random.nextInt(10) > 0 ? 8 * 1024 + random.nextInt(32 * 1024)
                : (int) (64 * 1024 * Math.pow(12, random.nextDouble()));
        return send(HttpRequest.newBuilder(base.resolve("/api/deals/" + deal + "/attachments?name=" + file[0] + "-"
                + deal + file[1])).POST(HttpRequest.BodyPublishers.ofByteArray(FileContent.BYTES, 0, size))
                .header("Content-Type", file[2]).timeout(timeout).header("X-Session", session).build());
    }

    // Reps ask for review of deals in their last stages before the quarter's cut-off.
    private Result teamNotice(URI base, String session, Random random) {
        return send(HttpRequest.newBuilder(base.resolve("/api/deals/" + (1 + random.nextInt(10_000)) + "/notify"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(timeout).header("X-Session", session).build());
    }

    private record Result(Outcome outcome, long latencyMs, int status, String body) {
    }

    private Result send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Outcome outcome = response.statusCode() >= 500 ? Outcome.ERROR : Outcome.OK;
            return new Result(outcome, latency, response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.TIMEOUT, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0, "");
        } catch (IOException e) {
            return new Result(Outcome.ERROR, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), 0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.ERROR, 0, 0, "");
        }
    }

    private void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Override
    public void close() {
        running = false;
        // A request in flight would hold the drill's end for as long as it takes (a report, up to the time-out).
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(timeout.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
