package org.tickerdesk.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * How long the server's JIT compilers have worked so far, read from its JVM through the attach API,
 * so that a benchmark can tell a server still compiling from one that has settled.
 *
 * <p>Payara compiles for a long time: in the toggle benchmark its two compiler threads still worked
 * about as long as the requests took after 5,000 rounds, and a compilation on one of the two cores
 * delayed the request's threads and PostgreSQL's by 2 to 4 ms while the other core sat idle (a
 * {@code perf sched} trace of the slow toggles). What a server does for days is measured once that
 * has stopped.
 */
final class ServerJit implements AutoCloseable {

    private final JMXConnector connector;
    private final CompilationMXBean compilation;

    private ServerJit(JMXConnector connector, CompilationMXBean compilation) {
        this.connector = connector;
        this.compilation = compilation;
    }

    static ServerJit of(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("Cannot attach to the server's JVM " + pid + ": " + e, e);
        }
        try {
            JMXConnector connector =
                    JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            return new ServerJit(
                    connector,
                    ManagementFactory.newPlatformMXBeanProxy(
                            connector.getMBeanServerConnection(),
                            ManagementFactory.COMPILATION_MXBEAN_NAME,
                            CompilationMXBean.class));
        } finally {
            vm.detach();
        }
    }

    /** The milliseconds the server's compilers have worked since it started. */
    long compiledMillis() {
        return compilation.getTotalCompilationTime();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
