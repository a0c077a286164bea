package io.leakdrill.crm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CRM's start-up settings, read from its command line ({@code --name value} pairs); the admin token comes from
 * the environment and the components from stdin, so that neither shows in a process list. The database's
 * credentials come later, on stdin too.
 */
public record CrmSettings(long seed, Path readyFile, long parentPid, double clockSpeed, boolean crashOnOutOfMemory,
        Map<String, String> components, String adminToken, int mailRelayPort) {

    static CrmSettings parse(String[] args, String adminToken, Map<String, String> components) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("LEAKDRILL_ADMIN_TOKEN is not set");
        }
        return new CrmSettings(
                Long.parseLong(values.getOrDefault("seed", "1")),
                Path.of(require(values, "ready-file")),
                Long.parseLong(values.getOrDefault("parent-pid", "-1")),
                Double.parseDouble(values.getOrDefault("clock-speed", "1")),
                "crash".equals(values.getOrDefault("on-oom", "degrade")),
                Map.copyOf(components),
                adminToken,
                // The corporate mail relay, on 127.0.0.1; without one, notification e-mails wait in the outbox.
                Integer.parseInt(values.getOrDefault("mail-relay-port", "-1")));
    }

    private static String require(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "CrmSettings[seed=" + seed + ", components=" + components + ", mailRelayPort=" + mailRelayPort + "]";
    }

    public String component(String id, String fallback) {
        return components.getOrDefault(id, fallback);
    }
}
