package io.leakdrill.world.edge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.world.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge over real sockets, between a real HTTP client and a real HTTP server. */
class EdgeProxyTest {

    private static final String RAW_GET = "GET /hello HTTP/1.1\r\nHost: crm\r\n\r\n";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Upstream upstream;
    private EdgeProxy edge;

    @BeforeEach
    void start() throws IOException {
        upstream = new Upstream();
        edge = EdgeProxy.start(upstream::port);
    }

    @AfterEach
    void stop() {
        edge.close();
        upstream.close();
    }

    private HttpResponse<String> get(int port, String path, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(edge.port(), path, Duration.ofSeconds(5));
    }

    /** Client-side latency of one request through the edge, in milliseconds. */
    private double timedGet(String path) throws Exception {
        long start = System.nanoTime();
        assertEquals(200, get(path).statusCode());
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private Socket rawRequest() throws IOException {
        Socket socket = new Socket(EdgeProxy.LOOPBACK, edge.port());
        socket.getOutputStream().write(RAW_GET.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    @Test
    void forwardsManyRequestsOverOneKeepAliveConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals("hello", get("/hello").body());
        }
        EdgeStats stats = edge.stats();
        assertEquals(1, stats.total().accepted(), "java.net.http reused one connection through the edge");
        assertEquals(1, stats.activeConnections());
        assertEquals(0, stats.total().refused() + stats.total().resets() + stats.total().drops());
        assertTrue(stats.total().bytesToClients() > 20 * "hello".length(), stats.toString());
        assertTrue(stats.total().bytesToUpstream() > 20 * "GET /hello".length(), stats.toString());
    }

    @Test
    void addsWellUnderAMillisecondPerRequestWithoutFaults() throws Exception {
        List<Double> direct = new ArrayList<>();
        List<Double> viaEdge = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long start = System.nanoTime();
            get(upstream.port(), "/hello", Duration.ofSeconds(5));
            long mid = System.nanoTime();
            get("/hello");
            long end = System.nanoTime();
            if (i >= 200) {
                direct.add((mid - start) / 1e6);
                viaEdge.add((end - mid) / 1e6);
            }
        }
        double added = median(viaEdge) - median(direct);
        assertTrue(added < 1.0, String.format("edge adds %.3f ms at p50 (direct %.3f ms, via edge %.3f ms)", added,
                median(direct), median(viaEdge)));
    }

    @Test
    void aDelayRaisesWhatTheClientMeasuresButNotTheServersOwnHandlingTime() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertTrue(timedGet("/hello") < 100, "no delay without the fault");
        }
        Fault delay = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(150), Duration.ZERO));
        delay.begin();
        int before = upstream.handlingNanos().size();
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            client.add(timedGet("/hello"));
        }
        List<Long> server = upstream.handlingNanos().subList(before, before + 5);
        for (double ms : client) {
            assertTrue(ms >= 150 && ms < 150 + 100, "client latency " + ms + " ms with a 150 ms edge delay");
        }
        // Half the delay, not a tight bound: on a busy CI machine one handling took 26 ms, and
        // the point is that none of the 150 ms the edge adds shows up on the server's side.
        for (long nanos : server) {
            assertTrue(nanos < TimeUnit.MILLISECONDS.toNanos(75), "server handling " + nanos / 1e6 + " ms");
        }
        EdgeCounts total = edge.stats().total();
        assertEquals(5, total.delayedRequests());
        assertTrue(total.addedDelay().toMillis() >= 5 * 150, total.toString());

        delay.end();
        assertTrue(timedGet("/hello") < 100, "normal latency once the fault ended");
        assertEquals(5, edge.stats().total().delayedRequests());
    }

    @Test
    void fiftyConcurrentConnectionsAreDelayedSideBySideNotOneAfterAnother() throws Exception {
        Fault delay = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(300), Duration.ZERO));
        delay.begin();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + "/hello")).build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            assertEquals("hello", f.get(10, TimeUnit.SECONDS).body());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        assertTrue(ms >= 300 && ms < 2000, "50 delayed requests in parallel took " + ms + " ms");
        assertEquals(50, edge.stats().total().accepted(), "one connection per request in flight");
        assertEquals(50, edge.stats().activeConnections(), "kept alive for the next requests");
        delay.end();
    }

    @Test
    void aRequestWithABodyIsDelayedOnceNotPerChunk() throws Exception {
        Fault delay = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(150), Duration.ZERO));
        delay.begin();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + "/hello"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"rep-01\"}")).build();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            assertEquals("hello", http.send(post, HttpResponse.BodyHandlers.ofString()).body());
            double ms = (System.nanoTime() - start) / 1e6;
            assertTrue(ms >= 150 && ms < 250, "one delay per request, not one for the headers and one for the body: "
                    + ms + " ms");
        }
        assertEquals(3, edge.stats().total().delayedRequests());
        delay.end();
    }

    @Test
    void faultsAddUpAndEndingOneRemovesExactlyThatOne() throws Exception {
        Fault small = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(100), Duration.ZERO));
        Fault large = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofMillis(200), Duration.ZERO));
        small.begin();
        large.begin();
        assertTrue(timedGet("/hello") >= 300, "both delays apply");
        large.end();
        large.end();
        double ms = timedGet("/hello");
        assertTrue(ms >= 100 && ms < 200, "only the 100 ms delay is left: " + ms);
        small.end();
        assertTrue(timedGet("/hello") < 100);
    }

    @Test
    void aResetFaultAbortsTheConnectionWithARealRstAndCountsIt() throws Exception {
        Fault reset = edge.fault(EdgeFaultSpec.reset(1.0));
        reset.begin();
        try (Socket socket = rawRequest()) {
            InputStream in = socket.getInputStream();
            SocketException e = assertThrows(SocketException.class, in::read);
            assertTrue(e.getMessage().contains("reset"), e.getMessage());
        }
        assertThrows(IOException.class, () -> get("/hello"), "an HTTP client fails too");
        assertTrue(edge.stats().total().resets() >= 2, edge.stats().total().toString());

        reset.end();
        assertEquals("hello", get("/hello").body());
    }

    @Test
    void aStallingDropLeavesTheClientWaitingUntilItTimesOut() throws Exception {
        Fault drop = edge.fault(EdgeFaultSpec.drop(1.0, DropMode.STALL));
        drop.begin();
        assertThrows(HttpTimeoutException.class, () -> get(edge.port(), "/hello", Duration.ofMillis(300)));
        assertEquals(1, edge.stats().total().drops());
        assertTrue(upstream.handlingNanos().isEmpty(), "the request never reached the server");

        try (Socket socket = rawRequest()) {
            await("the second drop").atMost(Duration.ofSeconds(5)).until(() -> edge.stats().total().drops() == 2);
            drop.end();
            assertEquals(-1, socket.getInputStream().read(), "ending the fault releases the stalled connection");
        }
        assertEquals("hello", get("/hello").body());
    }

    @Test
    void aClosingDropEndsTheConnectionWithNoAnswer() throws Exception {
        Fault drop = edge.fault(EdgeFaultSpec.drop(1.0, DropMode.CLOSE));
        drop.begin();
        try (Socket socket = rawRequest()) {
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(1, edge.stats().total().drops());
        drop.end();
        assertEquals("hello", get("/hello").body());
    }

    @Test
    void aBandwidthLimitMakesALargeResponseTakeAtLeastSizeOverRate() throws Exception {
        int size = 100_000;
        long rate = 200_000;
        assertTrue(timedGet("/big?size=" + size) < 300);
        Fault slow = edge.fault(EdgeFaultSpec.bandwidth(1.0, rate));
        // The bucket starts empty when the fault begins, so from that moment the bytes cannot beat the rate.
        long start = System.nanoTime();
        slow.begin();
        HttpResponse<String> response = get("/big?size=" + size);
        double ms = (System.nanoTime() - start) / 1e6;
        assertEquals(size, response.body().length());
        assertTrue(ms >= 1000.0 * size / rate, "took " + ms + " ms");
        assertTrue(ms < 3000, "but not stalled: " + ms + " ms");
        assertTrue(edge.stats().total().throttled().toMillis() >= 300, edge.stats().total().toString());

        slow.end();
        assertTrue(timedGet("/big?size=" + size) < 300, "full speed again");
    }

    @Test
    void refusesAndCountsConnectionsWhileTheUpstreamIsDown() throws Exception {
        AtomicInteger port = new AtomicInteger(-1);
        try (EdgeProxy down = EdgeProxy.start(port::get)) {
            try (Socket socket = new Socket(EdgeProxy.LOOPBACK, down.port())) {
                assertEquals(-1, socket.getInputStream().read(), "accepted, then closed with no answer");
            }
            assertEquals(1, down.stats().total().refused());
            // java.net.http retries a GET once on a connection closed before the response: two refusals, one error.
            assertThrows(IOException.class, () -> get(down.port(), "/hello", Duration.ofSeconds(2)));
            await("the client's refusals are counted").atMost(Duration.ofSeconds(2))
                    .until(() -> down.stats().total().refused(), r -> r >= 2);

            int closedPort;
            try (ServerSocket gone = new ServerSocket(0, 1, EdgeProxy.LOOPBACK)) {
                closedPort = gone.getLocalPort();
            }
            port.set(closedPort);
            long before = down.stats().total().refused();
            try (Socket socket = new Socket(EdgeProxy.LOOPBACK, down.port())) {
                assertEquals(-1, socket.getInputStream().read());
            }
            assertEquals(before + 1, down.stats().total().refused(), "a failed upstream connect is a refusal too");

            port.set(upstream.port());
            assertEquals("hello", get(down.port(), "/hello", Duration.ofSeconds(2)).body());
            assertEquals(before + 1, down.stats().total().refused());
        }
    }

    @Test
    void listensOnLoopbackOnlyAndReleasesEverythingOnClose() throws Exception {
        assertEquals("127.0.0.1", edge.address().getAddress().getHostAddress());
        int port = edge.port();
        assertEquals("hello", get("/hello").body());
        Fault delay = edge.fault(EdgeFaultSpec.latency(1.0, Duration.ofSeconds(30), Duration.ZERO));
        delay.begin();
        try (Socket sleeping = rawRequest()) {
            await("a request held in a delay").atMost(Duration.ofSeconds(2))
                    .until(() -> edge.stats().activeConnections() == 2);
            edge.close();
            assertEquals(-1, sleeping.getInputStream().read(), "open connections are closed");
        }
        assertEquals(-1, edge.port());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
        await("every edge thread has ended").atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.getName().startsWith("edge-")));
        assertEquals(0, edge.stats().activeConnections());
    }
}
