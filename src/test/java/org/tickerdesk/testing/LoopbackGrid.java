package org.tickerdesk.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real Hazelcast members in this JVM, as Payara's data grid runs them: joined over TCP on the
 * loopback interface from a list of ports, never by multicast, under a cluster name of their own so
 * that no other grid on the machine joins in. Closing shuts down every member it started.
 */
public final class LoopbackGrid implements AutoCloseable {

    private static final int PORTS = 10;

    private final String name = "tickerdesk-test-" + UUID.randomUUID();
    private final int firstPort;
    private final List<HazelcastInstance> members = new ArrayList<>();

    /** Members on ports from {@code firstPort}: away from Payara's 6900 and Hazelcast's 5701. */
    public LoopbackGrid(int firstPort) {
        this.firstPort = firstPort;
    }

    public HazelcastInstance member() {
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config());
        members.add(member);
        return member;
    }

    private Config config() {
        Config config = new Config();
        config.setClusterName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(firstPort).setPortAutoIncrement(true).setPortCount(PORTS);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        for (int port = firstPort; port < firstPort + PORTS; port++) {
            join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
        }
        return config;
    }

    @Override
    public void close() {
        members.forEach(HazelcastInstance::shutdown);
    }
}
