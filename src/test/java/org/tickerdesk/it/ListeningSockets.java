package org.tickerdesk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, and the UDP sockets it has bound, read from Linux's {@code
 * /proc}: the process's open socket inodes ({@code /proc/<pid>/fd}) matched with the rows of {@code
 * /proc/<pid>/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}. No tool needs installing for
 * it.
 */
public final class ListeningSockets {

    /** One listening socket: its local address and port. */
    public record Listener(InetAddress address, int port) {

        /**
         * Loopback, also as an IPv4 address mapped into IPv6 ({@code ::ffff:127.0.0.1}), which Java
         * reads as the IPv4 address it maps.
         */
        public boolean onLoopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {}

    public static List<Listener> of(long pid) {
        return sockets(pid, List.of("tcp", "tcp6"), "0A");
    }

    /** The UDP sockets a process has bound, such as a multicast discovery's. */
    public static List<Listener> udp(long pid) {
        return sockets(pid, List.of("udp", "udp6"), null);
    }

    /** The process's sockets in those tables, in that state only unless it is null. */
    private static List<Listener> sockets(long pid, List<String> tables, String state) {
        Set<String> inodes = socketInodes(pid);
        List<Listener> listeners = new ArrayList<>();
        for (String table : tables) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String line :
                        Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                    String[] f = line.trim().split("\\s+");
                    // f[1] local address:port in hex, f[3] state (0A = LISTEN), f[9] inode
                    if ((state == null || f[3].equals(state)) && inodes.contains(f[9])) {
                        String[] local = f[1].split(":");
                        listeners.add(
                                new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(
                    fd -> {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith("socket:[")) {
                                inodes.add(target.substring(8, target.length() - 1));
                            }
                        } catch (IOException closedMeanwhile) {
                            // the descriptor was closed while listing
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    /** /proc writes addresses as 32-bit words in host byte order (little endian here). */
    static InetAddress address(String hex) {
        byte[] raw = new byte[hex.length() / 2];
        for (int word = 0; word < raw.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                raw[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hex, e);
        }
    }
}
