package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerBootTest {

    private static final Path WAR = Path.of("/srv/td/runtime/tickerdesk.war");
    private static final Path PRE_BOOT = Path.of("/srv/td/runtime/pre-boot-commands.asadmin");
    private static final Path POST_BOOT = Path.of("/srv/td/runtime/post-boot-commands.asadmin");
    private static final Path LOGGING = Path.of("/srv/td/runtime/logging.properties");

    private static final List<String> COMMON =
            List.of(
                    "--port",
                    "8080",
                    "--rootdir",
                    "/srv/td/runtime/payara",
                    "--prebootcommandfile",
                    PRE_BOOT.toString(),
                    "--postbootcommandfile",
                    POST_BOOT.toString(),
                    "--logproperties",
                    LOGGING.toString(),
                    "--deploy",
                    WAR.toString(),
                    "--contextroot",
                    "/",
                    "--disablephonehome");

    private static ServerBoot boot(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("TICKERDESK_DATA_DIR", "/srv/td");
        LauncherSettings settings = LauncherSettings.read(key -> null, all::get);
        return new ServerBoot(settings, new ServerLog(settings.dataDir()));
    }

    private static List<String> arguments(ServerBoot boot) {
        return boot.arguments(WAR, PRE_BOOT, POST_BOOT, LOGGING);
    }

    private static Map<String, String> cluster(String members) {
        Map<String, String> environment =
                new HashMap<>(
                        Map.of(
                                "TICKERDESK_CLUSTER",
                                "true",
                                "TICKERDESK_DB_URL",
                                "jdbc:postgresql://db:5432/td"));
        if (members != null) {
            environment.put("TICKERDESK_CLUSTER_MEMBERS", members);
        }
        return environment;
    }

    @Test
    void theJsonProviderNamedIsAJsonProviderThatLoads() throws Exception {
        Class<?> named = Class.forName(ServerBoot.JSON_PROVIDER.get("jakarta.json.provider"));
        assertTrue(JsonProvider.class.isAssignableFrom(named));
        assertNotNull(named.getConstructor().newInstance());
    }

    @Test
    void standaloneKeepsTheDataGridToItselfOnLoopback() {
        ServerBoot boot = boot(Map.of());
        List<String> expected = new ArrayList<>(COMMON);
        expected.add("--nocluster");
        assertEquals(expected, arguments(boot));
        assertEquals(Map.of("hazelcast.socket.bind.any", "false"), boot.gridProperties());
    }

    @Test
    void aClusterOnThisMachineNamesItsMembersAndListensOnLoopbackOnly() {
        ServerBoot boot = boot(cluster(null));
        List<String> expected = new ArrayList<>(COMMON);
        expected.addAll(
                List.of(
                        "--clustername",
                        "tickerdesk",
                        "--startport",
                        "6900",
                        "--clustermode",
                        "tcpip:127.0.0.1:6900,127.0.0.1:6901,127.0.0.1:6902",
                        "--interfaces",
                        "127.0.0.1"));
        assertEquals(expected, arguments(boot));
        assertEquals(
                Map.of(
                        "hazelcast.socket.bind.any", "false",
                        "hazelcast.max.no.heartbeat.seconds", "5",
                        "hazelcast.heartbeat.interval.seconds", "1",
                        "hazelcast.merge.first.run.delay.seconds", "5",
                        "hazelcast.merge.next.run.delay.seconds", "5"),
                boot.gridProperties());
    }

    @Test
    void eachMemberStartsLookingForItsPortAtTheLowestListedOne() {
        List<String> args = arguments(boot(cluster("127.0.0.1:7102, localhost:7101")));
        assertEquals("7101", args.get(args.indexOf("--startport") + 1));
        assertEquals(
                "tcpip:127.0.0.1:7102,localhost:7101", args.get(args.indexOf("--clustermode") + 1));
        assertEquals("127.0.0.1", args.get(args.indexOf("--interfaces") + 1));
    }

    @Test
    void aClusterAcrossMachinesListensWhereTheOthersCanReachIt() {
        ServerBoot boot = boot(cluster("10.0.0.5:5900,10.0.0.6:5900"));
        List<String> args = arguments(boot);
        assertEquals(
                "tcpip:10.0.0.5:5900,10.0.0.6:5900", args.get(args.indexOf("--clustermode") + 1));
        assertEquals("5900", args.get(args.indexOf("--startport") + 1));
        assertFalse(args.contains("--interfaces"), args.toString());
        assertFalse(args.contains("--nocluster"), args.toString());
        assertEquals(
                Map.of(
                        "hazelcast.max.no.heartbeat.seconds", "5",
                        "hazelcast.heartbeat.interval.seconds", "1",
                        "hazelcast.merge.first.run.delay.seconds", "5",
                        "hazelcast.merge.next.run.delay.seconds", "5"),
                boot.gridProperties());
    }

    @Test
    void oneMemberOffThisMachineIsEnoughToListenBeyondLoopback() {
        ServerBoot boot = boot(cluster("127.0.0.1:6900,10.0.0.6:6900"));
        assertFalse(arguments(boot).contains("--interfaces"));
        assertFalse(boot.gridProperties().containsKey("hazelcast.socket.bind.any"));
    }
}
