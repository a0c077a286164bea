package io.leakdrill.drill;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leakdrill.scenario.ScenarioCatalog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Every socket a drill listens on, in this JVM and in the CRM's, is on 127.0.0.1, and closes with the drill. */
@EnabledOnOs(OS.LINUX)
class LoopbackOnlyTest {

    private static final String LISTEN = "0A";

    @TempDir
    Path dir;

    @Test
    void aDrillListensOnlyOnLoopbackAndStopsListeningWhenItEnds() throws Exception {
        var scenario = ScenarioCatalog.standard().load("memory-leak-mayhem");
        List<Integer> ports;
        try (Drill drill = Drill.start(new DrillOptions(scenario, scenario.variantFor(1), 1, 60, dir.resolve("d"),
                dir.resolve("t.jsonl"), "test", Clock.systemUTC()))) {
            Set<String> ours = socketInodes(ProcessHandle.current().pid());
            ours.addAll(socketInodes(drill.crm().process().pid()));
            List<String> listening = listeningAddresses(ours);
            assertTrue(listening.size() >= 3, "the database, the edge and the CRM listen: " + listening);
            for (String address : listening) {
                assertTrue(address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"),
                        "listening on " + address + ", not 127.0.0.1: " + listening);
            }
            ports = List.of(drill.database().port(), drill.edge().port(), drill.crm().port());
        }
        for (int port : ports) {
            assertThrows(ConnectException.class, () -> connect(port), "port " + port + " still listening");
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while we listed it is no socket of interest.
                }
            }
        }
        return inodes;
    }

    /** Local addresses (hex, as the kernel writes them) of listening TCP sockets with one of these inodes. */
    private static List<String> listeningAddresses(Set<String> inodes) throws IOException {
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    addresses.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return addresses;
    }
}
