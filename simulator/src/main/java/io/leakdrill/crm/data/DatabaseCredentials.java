package io.leakdrill.crm.data;

import java.util.Map;

/**
 * Where the CRM's database is and how the CRM logs in: the drill sends them on the CRM's stdin, never on its command
 * line or in its environment.
 */
public record DatabaseCredentials(String url, String user, String password) {

    /** Reads {@code db-url}, {@code db-user} and {@code db-password}, naming the first one missing. */
    public static DatabaseCredentials of(Map<String, String> values) {
        return new DatabaseCredentials(require(values, "db-url"), require(values, "db-user"),
                require(values, "db-password"));
    }

    private static String require(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the drill sent no " + name + " on stdin");
        }
        return value;
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[url=" + url + ", user=" + user + ", password=***]";
    }
}
