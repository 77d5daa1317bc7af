package id.dukcapil.portal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Puts a Chromium's drawing, every thread of its renderer, GPU and zygote processes, under Linux's {@code SCHED_IDLE}
 * policy while it runs, so that they take only the CPU time no other process wants: on a machine that holds both the
 * node and the office's 150 pages, the node's threads run first, as they would beside browsers on machines of their
 * own (decision 164). The browser process keeps its priority, and its network service too: the network stack's
 * timestamps of each request (the node's time) are taken on time, and DevTools' answers are not held up. (With the
 * browser process put last as well, it relayed no answer for six minutes once 150 pages were busy.)
 *
 * <p>A nice value would not hold: Chromium sets its renderers' niceness itself, per thread. {@code SCHED_IDLE} is a
 * policy, which {@code setpriority} does not change and which a thread's new threads and a process's children
 * inherit: once the zygote is under it, the renderers it forks later are born under it. Each process is looked at
 * once, when it first appears (within {@link #EVERY}), so the watching costs next to nothing; {@link #threadsLeft()}
 * reads every thread's policy again, for the report.
 */
final class RenderersLast implements AutoCloseable {

    private static final long EVERY = 500;
    private static final int SCHED_IDLE = 5;
    private static final int GONE = -1;
    /** Chromium's processes put last: those that draw. */
    private static final List<String> DRAWING = List.of("--type=renderer", "--type=gpu-process", "--type=zygote");

    private final String userDataDir;
    private final Thread watcher;
    /** Every process id looked at, whether it was Chromium's or not: each is looked at once. */
    private final Set<String> seen = new HashSet<>();
    private final Set<Path> processes = ConcurrentHashMap.newKeySet();

    private RenderersLast(String userDataDir) {
        this.userDataDir = userDataDir;
        this.watcher = Thread.ofPlatform().daemon().name("renderers-last").start(this::watch);
    }

    /** Watches the Chromium of {@code browser} until closed. */
    static RenderersLast of(Browser browser) {
        @SuppressWarnings("unchecked")
        Map<String, Object> chrome = (Map<String, Object>) browser.driver.getCapabilities().getCapability("chrome");
        String dir = (String) chrome.get("userDataDir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("ChromeDriver did not say which profile folder its Chromium uses");
        }
        return new RenderersLast(dir);
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                look();
                Thread.sleep(EVERY);
            } catch (InterruptedException stopped) {
                return;
            } catch (IOException skipped) {
                // a process gone between the listing and the look: the next look sees the rest
            }
        }
    }

    private void look() throws IOException, InterruptedException {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path process : all.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)
                    && seen.add(path.getFileName().toString())).toList()) {
                String command = commandLine(process);
                if (command.contains("--user-data-dir=" + userDataDir + " ") && DRAWING.stream().anyMatch(command::contains)) {
                    Process chrt = new ProcessBuilder("chrt", "--all-tasks", "--idle", "--pid", "0",
                            process.getFileName().toString()).redirectErrorStream(true).start();
                    chrt.getInputStream().readAllBytes();
                    chrt.waitFor(5, TimeUnit.SECONDS);
                    processes.add(process);
                }
            }
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static Stream<Path> threads(Path process) {
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            return tasks.toList().stream();
        } catch (IOException gone) {
            return Stream.empty();
        }
    }

    /** The thread's scheduling policy: the 41st field of its stat, after the command's closing parenthesis. */
    private static int policy(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[38]);
        } catch (IOException | RuntimeException gone) {
            return GONE;
        }
    }

    /** Chromium's processes put last so far. */
    int processes() {
        return processes.size();
    }

    /** Threads of those processes still running under {@code SCHED_IDLE}, read now. */
    long threadsIdle() {
        return processes.stream().flatMap(RenderersLast::threads).filter(thread -> policy(thread) == SCHED_IDLE).count();
    }

    /** Threads of those processes running under another policy, read now: none, if the policy held. */
    long threadsLeft() {
        return processes.stream().flatMap(RenderersLast::threads).map(RenderersLast::policy)
                .filter(policy -> policy != SCHED_IDLE && policy != GONE).count();
    }

    @Override
    public void close() throws InterruptedException {
        watcher.interrupt();
        watcher.join(5_000);
    }
}
