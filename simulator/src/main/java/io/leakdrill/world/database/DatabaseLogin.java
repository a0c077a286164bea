package io.leakdrill.world.database;

/** How a client reaches the CRM's database: JDBC URL, user and password. The password never shows in text. */
public record DatabaseLogin(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseLogin[url=" + url + ", user=" + user + ", password=***]";
    }
}
