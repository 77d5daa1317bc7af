package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Work run at once on real threads, as two nodes or two clerks would: the answers, in the order of the work. */
public final class Together {

    private Together() {
    }

    public static <T> List<T> run(int threads, List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pool.invokeAll(work)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("every thread finished").isTrue();
        }
    }
}
