package io.leakdrill.world.crm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to one CRM's admin endpoints with the drill's token. */
public final class CrmAdminClient {

    private final HttpClient http;
    private final URI base;
    private final String token;

    public CrmAdminClient(HttpClient http, int port, String token) {
        this.http = http;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    public JsonObject metrics(Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/admin/metrics", null, timeout);
    }

    /**
     * Starts the CRM's retention recording, or, once it runs, dumps it with paths to GC roots to {@code file} in the
     * CRM's working folder (read it with {@link RetentionPaths}).
     */
    public JsonObject roots(String file, Duration timeout) throws IOException, InterruptedException {
        return call("POST", "/admin/roots?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8), "", timeout);
    }

    public JsonObject histogram(int top, Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/admin/histogram?top=" + top, null, timeout);
    }

    /** Writes a live-object heap dump named {@code file} into the CRM's working folder (the drill's folder). */
    public JsonObject heapDump(String file, Duration timeout) throws IOException, InterruptedException {
        return call("POST", "/admin/heapdump?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8), "", timeout);
    }

    /** Heap, memory pools, buffer pools, resident set and native memory tracking, as the CRM sees them. */
    public JsonObject memory(Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/admin/memory", null, timeout);
    }

    /** A summary of a thread dump of the CRM. */
    public JsonObject threads(Duration timeout) throws IOException, InterruptedException {
        return call("GET", "/admin/threads", null, timeout);
    }

    public JsonObject deploy(String component, String version, Duration timeout)
            throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("component", component).add("version", version).build()
                .toString();
        return call("POST", "/admin/deploy", body, timeout);
    }

    /**
     * Replays {@code count} past uses of a component (log-ins, exports) so its state is as weeks left it; answers
     * what its memory area ("heap", "metaspace", "native") held after a full GC {@code before} and {@code after},
     * what one use kept ({@code perUse}), and the area's {@code max}.
     */
    public JsonObject warmup(String component, String area, int count, Duration timeout)
            throws IOException, InterruptedException {
        return warmup(component, area, count, 0, timeout);
    }

    /** As above, then goes on replaying until the area holds {@code toRatio} of its max: one call, one pass. */
    public JsonObject warmup(String component, String area, int probe, double toRatio, Duration timeout)
            throws IOException, InterruptedException {
        return call("POST", "/admin/warmup?component=" + component + "&area=" + area + "&count=" + probe
                + "&toRatio=" + toRatio, "", timeout);
    }

    private JsonObject call(String method, String path, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("X-Admin-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200) {
            throw new IOException("CRM admin " + path + " answered " + response.statusCode() + ": "
                    + json.getString("error", response.body()));
        }
        return json;
    }
}
