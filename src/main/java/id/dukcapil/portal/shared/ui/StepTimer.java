package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/**
 * The step's clock at a desk (issue 54): how long the case in front of the clerk has been in its step against the
 * step's standard ("3:07 / 5 mnt"), amber from four fifths of the standard on and red past it. The server gives the
 * reading as of its answer; the browser ticks on from there every second by its own clock, with no round trip and no
 * skew between the two clocks (it is told the time elapsed, not the hour the step began). The reading is also the
 * element's label for a screen reader, which is not told every second. Hidden while no step is open.
 */
public class StepTimer extends Span {

    // From four fifths of the standard on, the clock turns amber: the step is near its standard. In whole numbers:
    // 0.8 of 600,000 ms is 480,000.00000000006 in floating point, and eight minutes of ten would stay green.

    // The text is the browser's own node: Vaadin's text node for the span is never set, so the two never disagree.
    private static final String TICK = """
            const el = this;
            clearInterval(el.__stepTimer);
            const start = Date.now() - $0;
            const pad = n => String(n).padStart(2, '0');
            if (!el.__face) { el.__face = document.createTextNode(''); el.appendChild(el.__face); }
            const tick = () => {
              if (!el.isConnected) { clearInterval(el.__stepTimer); return; }
              const ms = Math.max(0, Date.now() - start);
              const s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
              el.__face.nodeValue = (h ? h + ':' + pad(m) : m) + ':' + pad(s % 60) + ' / ' + $2;
              el.setAttribute('state', ms > $1 ? 'over' : ms * 5 >= $1 * 4 ? 'near' : 'ok');
            };
            tick();
            el.__stepTimer = setInterval(tick, 1000);""";

    private String state = "";

    public StepTimer(String id) {
        setId(id);
        addClassName("step-timer");
        getElement().setAttribute("role", "timer");
        setVisible(false);
    }

    /** The clock of a step that began {@code elapsed} ago, against its standard. */
    public void show(Instant startedAt, Duration standard, Instant now) {
        Duration elapsed = startedAt.isAfter(now) ? Duration.ZERO : Duration.between(startedAt, now);
        String standardText = Durations.minutes(this, standard);
        state = state(elapsed, standard);
        getElement().setAttribute("state", state);
        getElement().setAttribute("aria-label", getTranslation("shared.step-timer.label",
                Durations.minutes(this, elapsed), standardText));
        setVisible(true);
        getElement().executeJs(TICK, elapsed.toMillis(), standard.toMillis(), standardText);
    }

    /** No step open: the clock stops and hides. */
    public void clear() {
        state = "";
        getElement().removeAttribute("state");
        getElement().removeAttribute("aria-label");
        setVisible(false);
        getElement().executeJs("clearInterval(this.__stepTimer)");
    }

    /** {@code ok}, {@code near} or {@code over} as of the server's last reading; empty while hidden. */
    public String state() {
        return state;
    }

    /** The reading the screen reader is told, as of the server's answer. */
    public String reading() {
        return getElement().getAttribute("aria-label") == null ? "" : getElement().getAttribute("aria-label");
    }

    static String state(Duration elapsed, Duration standard) {
        if (elapsed.compareTo(standard) > 0) {
            return "over";
        }
        return elapsed.toMillis() * 5 >= standard.toMillis() * 4 ? "near" : "ok";
    }
}
