package io.leakdrill.world;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * HTTP clients for the drill's calls to its own parts (the CRM, the edge proxy), which speak plain HTTP/1.1 on
 * loopback and never TLS.
 */
public final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /**
     * A client builder with a TLS context that trusts nobody. A JDK client otherwise builds the default context as
     * it is made, parsing every certificate in the JDK's trust store: CPU the drill's start competes for, spent on
     * a connection that can never happen.
     */
    public static HttpClient.Builder client() {
        try {
            SSLContext noTls = SSLContext.getInstance("TLS");
            noTls.init(new KeyManager[0], new TrustManager[0], null);
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(noTls);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS context: " + e.getMessage(), e);
        }
    }
}
