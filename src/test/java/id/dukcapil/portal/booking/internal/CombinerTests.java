package id.dukcapil.portal.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Batches run as tasks of the executor given, never on the submitter's thread (decision 116); a task does one batch,
 * and the items that arrive meanwhile form the next.
 */
class CombinerTests {

    /** Runs nothing by itself: the test runs each task when it chooses. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final List<List<String>> batches = new ArrayList<>();

    @Test
    void the_submitter_only_queues_and_one_task_books_what_waits() {
        Combiner<String, String> combiner = new Combiner<>(50, batches::add, tasks::add);
        combiner.submit("day", "a");
        combiner.submit("day", "b");
        combiner.submit("day", "c");
        assertThat(batches).as("nothing done on the submitter's thread").isEmpty();
        assertThat(tasks).as("one task for the day").hasSize(1);

        tasks.poll().run();
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        assertThat(tasks).isEmpty();
    }

    @Test
    void items_arriving_during_a_batch_form_the_next_one_behind_other_days_tasks() {
        List<Combiner<String, String>> self = new ArrayList<>();
        Consumer<List<String>> work = batch -> {
            batches.add(batch);
            if (batch.contains("a")) {
                self.getFirst().submit("day", "b");
                self.getFirst().submit("day", "c");
            }
        };
        Combiner<String, String> combiner = new Combiner<>(50, work, tasks::add);
        self.add(combiner);
        combiner.submit("day", "a");
        combiner.submit("other day", "x");

        tasks.poll().run();
        assertThat(batches).containsExactly(List.of("a"));
        tasks.poll().run();
        tasks.poll().run();
        assertThat(batches).containsExactly(List.of("a"), List.of("x"), List.of("b", "c"));
        assertThat(tasks).isEmpty();
    }

    @Test
    void a_task_does_at_most_one_batch_of_the_largest_size() {
        Combiner<String, String> combiner = new Combiner<>(2, batches::add, tasks::add);
        List.of("1", "2", "3", "4", "5").forEach(item -> combiner.submit("day", item));
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
        assertThat(batches).containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5"));
    }

    @Test
    void a_failed_batch_does_not_leave_the_days_next_items_waiting() {
        Combiner<String, String> combiner = new Combiner<>(1, batch -> {
            batches.add(batch);
            if (batch.contains("a")) {
                throw new IllegalStateException("the batch failed");
            }
        }, tasks::add);
        combiner.submit("day", "a");
        combiner.submit("day", "b");

        assertThatThrownBy(() -> tasks.poll().run()).hasMessage("the batch failed");
        assertThat(tasks).as("the next batch is started all the same").hasSize(1);
        tasks.poll().run();
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }
}
