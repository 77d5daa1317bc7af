package id.dukcapil.portal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Puts a Chromium's renderer, GPU and zygote processes, every thread of each, under Linux's {@code SCHED_IDLE}
 * policy while it runs, so that they take only the CPU time no other process wants: on a machine that holds both
 * the node and the office's 150 pages, the node's threads run first, as they would beside browsers on machines of
 * their own (decision 164). The browser process, with its network service and DevTools, keeps its priority, so the
 * network stack's timestamps of each request are taken on time.
 *
 * <p>A nice value would not hold: Chromium sets its renderers' niceness itself, per thread. {@code SCHED_IDLE} is a
 * policy, which {@code setpriority} does not change and which a thread's new threads inherit. Processes started later
 * (a renderer for each new page) are caught within {@link #EVERY}; {@link #threadsLeft()} says how many threads the
 * last look found outside the policy, and the benchmark reports it.
 */
final class RenderersLast implements AutoCloseable {

    private static final long EVERY = 200;
    private static final int SCHED_IDLE = 5;
    /** The process types of Chromium that draw pages: what an office's own machines would run. */
    private static final List<String> DRAWING = List.of("--type=renderer", "--type=gpu-process", "--type=zygote");

    private final String userDataDir;
    private final Thread watcher;
    private final Set<Long> processes = ConcurrentHashMap.newKeySet();
    private volatile int threadsLeft;
    private volatile int threadsIdle;

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
        int left = 0;
        int idle = 0;
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            for (Path process : all.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                String command = commandLine(process);
                if (!command.contains("--user-data-dir=" + userDataDir) || DRAWING.stream().noneMatch(command::contains)) {
                    continue;
                }
                long outside = threads(process).filter(thread -> policy(thread) != SCHED_IDLE).count();
                if (outside > 0) {
                    Process chrt = new ProcessBuilder("chrt", "--all-tasks", "--idle", "--pid", "0",
                            process.getFileName().toString()).redirectErrorStream(true).start();
                    chrt.getInputStream().readAllBytes();
                    chrt.waitFor(5, TimeUnit.SECONDS);
                    outside = threads(process).filter(thread -> policy(thread) != SCHED_IDLE).count();
                }
                processes.add(Long.parseLong(process.getFileName().toString()));
                left += (int) outside;
                idle += (int) threads(process).count() - (int) outside;
            }
        }
        threadsLeft = left;
        threadsIdle = idle;
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
            return SCHED_IDLE; // gone: nothing left to put last
        }
    }

    /** Chromium's drawing processes seen so far. */
    int processes() {
        return processes.size();
    }

    /** Threads of those processes the last look found under {@code SCHED_IDLE}. */
    int threadsIdle() {
        return threadsIdle;
    }

    /** Threads of those processes the last look found outside {@code SCHED_IDLE} (new ones, not yet caught). */
    int threadsLeft() {
        return threadsLeft;
    }

    @Override
    public void close() throws InterruptedException {
        watcher.interrupt();
        watcher.join(5_000);
    }
}
