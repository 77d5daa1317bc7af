package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Every scheduled job runs once per period in the whole cluster: nodes are played by lock providers of their own on
 * the one database, on real threads, the way ShedLock runs the annotated jobs.
 */
@PortalTest
class ScheduledJobLocksTests {

    /**
     * Jobs that are each node's own: the embedded database's watchdog restarts this node's server process; the
     * session sweep ends this node's sessions whose account changed (decision 180); the places-left gauges are this
     * node's meters, each node's scrape answering for itself (decision 178); the binary log's copier copies this node's
     * embedded server's log (decision 184).
     */
    private static final List<String> NODE_LOCAL = List.of("EmbeddedMariaDbWatchdog", "StaffSessions",
            "PlacesLeftMeters", "BinlogShipper");

    @Autowired List<ScheduledTaskHolder> schedulers;
    @Autowired Environment environment;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void every_scheduled_job_holds_its_cluster_lock_at_least_its_period() {
        List<String> checked = new ArrayList<>();
        for (ScheduledTaskHolder holder : schedulers) {
            for (ScheduledTask task : holder.getScheduledTasks()) {
                // An annotated job is told by its class and method; anything else (a library's own fixed-delay task,
                // such as Spring Modulith's staleness check) runs on every node, and fails here.
                Method method = annotatedMethod(task.toString());
                Class<?> type = method.getDeclaringClass();
                if (NODE_LOCAL.contains(type.getSimpleName())) {
                    continue;
                }
                String job = type.getSimpleName() + "." + method.getName();
                Scheduled schedule = AnnotatedElementUtils.findMergedAnnotation(method, Scheduled.class);
                SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                assertThat(lock).as(job + " has a cluster lock").isNotNull();
                assertThat(lock.lockAtLeastFor()).as(job + " holds its lock a while").isNotEmpty();
                Duration atLeast = duration(lock.lockAtLeastFor());
                assertThat(duration(lock.lockAtMostFor())).as(job).isGreaterThanOrEqualTo(atLeast);
                if (!schedule.cron().isEmpty()) {
                    assertThat(atLeast).as(job + ": past the schedule of a node whose clock is a little off")
                            .isGreaterThanOrEqualTo(Duration.ofHours(1));
                } else {
                    assertThat(lock.lockAtLeastFor()).as(job + ": held its interval")
                            .isEqualTo(schedule.fixedDelayString());
                }
                checked.add(job);
            }
        }
        assertThat(checked).contains("OutboxSender.scheduledRun", "OverdueWatch.scheduledRun",
                "ReportJobs.refreshRollups", "AuditAnchors.scheduledRun", "ImportRunner.resumeAbandoned",
                "BookingJobs.remindTomorrow", "UnfinishedRegistrations.expireEveryPoint");
    }

    @Test
    void two_nodes_starting_a_job_in_the_same_period_run_it_once() throws Exception {
        String name = "test-job-" + UUID.randomUUID();
        LockingTaskExecutor nodeA = node("node-a");
        LockingTaskExecutor nodeB = node("node-b");
        AtomicInteger runs = new AtomicInteger();
        Runnable job = () -> {
            runs.incrementAndGet();
            pause(Duration.ofMillis(200));
        };
        LockConfiguration oneMinute = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(10),
                Duration.ofMinutes(1));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> both = new ArrayList<>();
            for (LockingTaskExecutor node : List.of(nodeA, nodeB)) {
                both.add(threads.submit(() -> {
                    together.await();
                    node.executeWithLock(job, oneMinute);
                    return null;
                }));
            }
            for (Future<?> run : both) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(runs).hasValue(1);

        // Each node's fixed delay fires again out of step with the other's, within the same minute: nothing runs.
        nodeA.executeWithLock(job, oneMinute);
        nodeB.executeWithLock(job, oneMinute);
        assertThat(runs).hasValue(1);
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?", String.class, name))
                .isIn("node-a", "node-b");
    }

    @Test
    void a_daily_job_on_a_node_whose_clock_is_a_few_seconds_behind_still_runs_once_that_day() {
        String name = "test-daily-" + UUID.randomUUID();
        LockingTaskExecutor nodeA = node("node-a");
        LockingTaskExecutor behind = node("node-b");
        AtomicInteger runs = new AtomicInteger();
        Runnable job = runs::incrementAndGet;
        Duration hold = duration("PT1H");

        nodeA.executeWithLock(job, new LockConfiguration(Instant.now(), name, hold, hold));
        assertThat(runs).hasValue(1);
        // Node B's clock says 08:00:00 three seconds after node A's did: A's run is over by then. B's own clock
        // never enters the lock's times (the database's do), and the lock is held for an hour from A's start.
        behind.executeWithLock(job, new LockConfiguration(Instant.now().minusSeconds(3), name, hold, hold));
        assertThat(runs).hasValue(1);

        // The next day, by the database's clock: the job runs again, on whichever node fires first.
        jdbc.update("""
                UPDATE shedlock SET locked_at = locked_at - INTERVAL 1 DAY, lock_until = lock_until - INTERVAL 1 DAY
                WHERE name = ?""", name);
        behind.executeWithLock(job, new LockConfiguration(Instant.now().minusSeconds(3), name, hold, hold));
        assertThat(runs).hasValue(2);
    }

    private static Method annotatedMethod(String task) {
        int dot = task.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(task.substring(0, Math.max(dot, 0)));
            return type.getDeclaredMethod(task.substring(dot + 1));
        } catch (ClassNotFoundException | NoSuchMethodException | StringIndexOutOfBoundsException e) {
            throw new AssertionError("Not a scheduled job's method, so not locked per cluster: " + task, e);
        }
    }

    private LockingTaskExecutor node(String name) {
        return new DefaultLockingTaskExecutor(NotificationConfiguration.lockProvider(dataSource, name));
    }

    private Duration duration(String text) {
        return DurationStyle.detectAndParse(environment.resolveRequiredPlaceholders(text));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
