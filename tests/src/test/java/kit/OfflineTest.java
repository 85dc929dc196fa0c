package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Once JBang and a script's dependencies are cached, a one-liner must not wait on the network: behind a network that
 * swallows every packet (no answer, no refusal: the worst case, where a client waits for its time-outs), it still
 * runs at once. The silent network is a pair of network namespaces made here: a host whose default route and DNS
 * server lead to a second namespace that drops everything. No packet leaves this machine.
 */
class OfflineTest {
    private static final String HOST = "kit-silent-" + ProcessHandle.current().pid();
    private static final String SINK = "kit-sink-" + ProcessHandle.current().pid();

    @BeforeAll
    static void makeASilentNetwork() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create network namespaces");
        assumeTrue(sh("command -v ip").exitCode() == 0, "needs iproute2 (ip)");
        String veth = "kv" + ProcessHandle.current().pid() % 100000;
        Kit.Run setup = sh(String.join(" && ",
                "ip netns add " + HOST, "ip netns add " + SINK,
                "ip link add " + veth + "a type veth peer name " + veth + "b",
                "ip link set " + veth + "a netns " + HOST, "ip link set " + veth + "b netns " + SINK,
                "ip -n " + HOST + " link set lo up",
                "ip -n " + HOST + " addr add 10.254.254.2/24 dev " + veth + "a",
                "ip -n " + HOST + " link set " + veth + "a up",
                "ip -n " + SINK + " addr add 10.254.254.1/24 dev " + veth + "b",
                "ip -n " + SINK + " link set " + veth + "b up",
                "ip -n " + HOST + " route add default via 10.254.254.1",
                "mkdir -p /etc/netns/" + HOST,
                "echo 'nameserver 192.0.2.53' > /etc/netns/" + HOST + "/resolv.conf"));
        assumeTrue(setup.exitCode() == 0, "cannot create network namespaces here: " + setup.describe());
    }

    @AfterAll
    static void removeIt() {
        sh("ip netns del " + HOST + "; ip netns del " + SINK + "; rm -rf /etc/netns/" + HOST);
    }

    @Test
    void aCachedOneLinerRunsBehindASilentNetwork() {
        Kit.Run warm = Kit.jbang(Duration.ofMinutes(5), "grade", "--hint", "counter");
        assertEquals(0, warm.exitCode(), warm::describe);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", HOST));
        command.addAll(List.of(Kit.DIR.resolve("jbang").toString(), "grade", "--hint", "counter"));
        Kit.Run offline = Kit.run(Kit.DIR, Duration.ofSeconds(30), command);
        assertEquals(0, offline.exitCode(), offline::describe);
        assertEquals(warm.stdout(), offline.stdout());
    }

    private static Kit.Run sh(String script) {
        return Kit.run(Kit.DIR, Duration.ofMinutes(1), List.of("bash", "-c", script));
    }
}
