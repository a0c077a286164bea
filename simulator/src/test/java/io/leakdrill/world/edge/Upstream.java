package io.leakdrill.world.edge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server standing in for the CRM; it measures its own handling time, as the CRM's telemetry does. */
final class Upstream implements AutoCloseable {

    static {
        // Without it the JDK server's Nagle/delayed-ACK stall (about 40 ms) would hide what the edge adds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Long> handlingNanos = new CopyOnWriteArrayList<>();

    Upstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "upstream-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/hello", exchange -> {
            long start = System.nanoTime();
            byte[] body = "hello".getBytes();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            handlingNanos.add(System.nanoTime() - start);
        });
        server.createContext("/big", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery().substring("size=".length()));
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) 'x');
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How long the server itself took for each /hello request, in the order they finished. */
    List<Long> handlingNanos() {
        return List.copyOf(handlingNanos);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
