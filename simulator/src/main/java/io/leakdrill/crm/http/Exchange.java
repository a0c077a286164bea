package io.leakdrill.crm.http;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A thin wrapper over one HTTP exchange: query parameters, JSON bodies and responses. */
final class Exchange {

    private final HttpExchange http;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    Map<String, String> query() {
        Map<String, String> params = new HashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    /** The request body as it arrives, unread. */
    InputStream body() {
        return http.getRequestBody();
    }

    /** The Content-Length the client declared, or -1 if it declared none (or nonsense). */
    long contentLength() {
        try {
            String declared = header("Content-Length");
            return declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    JsonObject jsonBody() throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return JsonObject.EMPTY_JSON_OBJECT;
            }
            return Json.createReader(new ByteArrayInputStream(bytes)).readObject();
        }
    }

    /** The request body as UTF-8 text, or empty if it is longer than {@code maxBytes}. */
    java.util.Optional<String> textBody(int maxBytes) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    void json(int status, JsonStructure body) throws IOException {
        send(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    void error(int status, String message) throws IOException {
        json(status, Json.createObjectBuilder().add("error", message).build());
    }

    void text(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int status, String contentType, byte[] bytes) throws IOException {
        http.getRequestBody().close();
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
