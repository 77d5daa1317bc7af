package id.dukcapil.portal;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every test class starts on real time: a class that set or advanced the portal's {@link TestClock} leaves it to no
 * other class of the shared context. Which class follows which differs from run to run (the suite's two JVMs take
 * their classes from one queue, decision 197), so a clock left a year ahead would fail whichever class came next.
 * Registered in {@code META-INF/spring.factories}, beside Spring's own listeners.
 */
public class TestClockReset implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        reset(testContext);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        reset(testContext);
    }

    private static void reset(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
