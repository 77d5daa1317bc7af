package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.recording.QueueBoard;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.recording.WaitEstimate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The waiting room's display board of a point ({@code /antrean/<point>}, public, for the TV): the number called last
 * very large with its desk, the calls before it, how many wait and the estimated wait. Every new call (the next
 * number, a recall, a number taken over at another desk) chimes and is spoken with its desk, in the board's language
 * (Bahasa Indonesia by default) where the browser can.
 */
@Route(value = "antrean/:point", autoLayout = false)
@AnonymousAllowed
class QueueBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int SPOKEN_KEPT = 10;

    final H1 heading = new H1();
    final Span number = new Span();
    final Span desk = new Span();
    final Div earlier = new Div();
    final Span waiting = new Span();
    final Span estimate = new Span();
    /** What the board said aloud lately, newest last: kept for a look at what was announced, a few only. */
    final Deque<String> spokenLately = new ArrayDeque<>();
    private final QueueBoard board;
    /** Set on the UI's thread; read by the change listener on another. */
    private volatile String point = "";
    private boolean looked;
    private @Nullable Instant saidUntil;
    private QueueBoard.@Nullable Board shown;

    QueueBoardView(QueueBoard board) {
        this.board = board;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        getStyle().set("background", "#0b3d6e").set("color", "white").set("overflow", "hidden");
        heading.getStyle().set("color", "white").set("font-size", "min(6vw, 2.2rem)").set("text-align", "center");
        number.setId("board-number");
        number.getStyle().set("font-size", "min(30vw, 16rem)").set("font-weight", "800").set("line-height", "1");
        desk.setId("board-desk");
        desk.getStyle().set("font-size", "min(8vw, 4rem)").set("text-align", "center");
        earlier.setId("board-earlier");
        earlier.getStyle().set("font-size", "min(5vw, 2.5rem)");
        waiting.getStyle().set("font-size", "1.5rem");
        estimate.setId("board-estimate");
        estimate.getStyle().set("font-size", "1.5rem");
        add(heading, number, desk, earlier, waiting, estimate);
        LiveRefresh.whileAttached(this, change -> change.action().startsWith("recording.") && change.at(point),
                this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String asked = event.getRouteParameters().get("point").orElse("");
        if (!asked.equals(point)) { // another point's board, on this same view: it starts as a new board would
            point = asked;
            shown = null;
            looked = false;
            saidUntil = null;
            spokenLately.clear();
        }
        refresh();
    }

    /** What the live refresh calls when the point's queue changed: reads the board and shows what changed. */
    void refresh() {
        QueueBoard.Board now;
        try {
            now = board.of(point);
        } catch (RuleViolation unknown) {
            heading.setText(Notifications.text(unknown));
            return;
        }
        if (now.equals(shown)) {
            return; // nothing new: no redraw
        }
        shown = now;
        // The calls on the board when it opens are history; every one after is said, oldest first (two desks
        // calling within one refresh are both said), the first call of the day too.
        List<QueueBoard.Call> unsaid = !looked ? List.of() : now.calls().reversed().stream()
                .filter(call -> saidUntil == null || call.calledAt().isAfter(saidUntil)).toList();
        looked = true;
        if (!now.calls().isEmpty()) {
            saidUntil = now.calls().getFirst().calledAt();
        }
        unsaid.forEach(this::announce);
        heading.setText(getTranslation("recording.board.title", now.pointName()));
        waiting.setText(getTranslation("recording.board.waiting", now.waiting()));
        estimate.setText(estimateText(now.estimate()));
        if (now.calls().isEmpty()) {
            number.setText("–");
            desk.setText(getTranslation("recording.board.none"));
            return;
        }
        QueueBoard.Call latest = now.calls().getFirst();
        number.setText(latest.ticket());
        desk.setText(getTranslation("recording.board.desk", latest.desk()));
        earlier.setText(String.join("   ·   ", now.calls().stream().skip(1)
                .map(call -> call.ticket() + " → " + call.desk()).toList()));
    }

    private String estimateText(WaitEstimate estimate) {
        if (estimate.waiting() == 0) {
            return getTranslation("recording.board.estimate.none-waiting");
        }
        return estimate.minutes() == null
                ? getTranslation("recording.board.estimate.too-little", estimate.served(), WaitEstimate.ENOUGH)
                : getTranslation("recording.board.estimate", estimate.minutes());
    }

    /** A chime and the number said aloud, where the browser lets the page (after a first touch on the TV). */
    private void announce(QueueBoard.Call call) {
        String words = getTranslation("recording.board.spoken", spoken(call.ticket()), call.desk());
        spokenLately.addLast(words);
        if (spokenLately.size() > QueueBoardView.SPOKEN_KEPT) {
            spokenLately.removeFirst();
        }
        getElement().executeJs("""
                try {
                  const audio = new (window.AudioContext || window.webkitAudioContext)();
                  const tone = audio.createOscillator(); tone.frequency.value = 880; tone.connect(audio.destination);
                  tone.start(); tone.stop(audio.currentTime + 0.35);
                } catch (e) {}
                if ('speechSynthesis' in window) {
                  const words = new SpeechSynthesisUtterance($0); words.lang = $1;
                  window.speechSynthesis.speak(words);
                }""", words, "en".equals(getLocale().getLanguage()) ? "en-US" : "id-ID");
    }

    /** A ticket said digit by digit, as callers do: "R 0 0 7". */
    static String spoken(String ticket) {
        return String.join(" ", ticket.replace("-", "").split(""));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recording.board.page-title");
    }
}
