package io.leakdrill.world.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpPingTest {

    @Test
    void measuresConnectTimesAndTellsDownAndUnreachableTargetsApart() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, EdgeProxy.LOOPBACK)) {
            closedPort = gone.getLocalPort();
        }
        try (ServerSocket listening = new ServerSocket(0, 50, EdgeProxy.LOOPBACK)) {
            PingTargets targets = new PingTargets().add("db", "127.0.0.1", listening::getLocalPort)
                    .add("crm", "127.0.0.1", () -> -1).add("old", "127.0.0.1", () -> closedPort);

            TcpPing.Result up = TcpPing.ping(targets.all().get(0), 3, Duration.ofSeconds(1));
            assertEquals(3, up.connected());
            assertTrue(up.stats().getMax() < Duration.ofSeconds(1).toNanos());

            TcpPing.Result down = TcpPing.ping(targets.all().get(1), 3, Duration.ofSeconds(1));
            assertTrue(down.down());
            assertEquals(0, down.connected());

            TcpPing.Result refused = TcpPing.ping(targets.all().get(2), 3, Duration.ofSeconds(1));
            assertEquals(0, refused.connected());
            assertTrue(refused.failure().contains("refused"), refused.failure());
        }
    }
}
