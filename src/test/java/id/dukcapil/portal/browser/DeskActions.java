package id.dukcapil.portal.browser;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a desk's user does on the page, as scripts run in the page itself (over DevTools, {@link BrowserContexts}):
 * the field typed into and Enter, or the button clicked, then the page watched until it shows the result and Vaadin
 * has nothing under way. Each answers the milliseconds from the click (or Enter) to then, timed in the page, and
 * what it showed: "shown", or "refused: " and the notification's words.
 */
final class DeskActions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Waits for a page's answer to a user's act: polled every 5 ms (timers are not throttled in an office's tabs). */
    private static final String PRELUDE = Browser.BUSY + """
            const until = (test, limit) => new Promise((resolve, reject) => {
              const started = performance.now();
              const look = () => {
                let found = null;
                try { found = test(); } catch (e) { found = null; }
                if (found && !busy()) resolve(found);
                else if (performance.now() - started > limit) reject(new Error('nothing shown within ' + limit
                  + ' ms; the page showed: ' + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 300)));
                else setTimeout(look, 5);
              };
              look();
            });
            const cards = () => [...document.querySelectorAll('vaadin-notification-card')];
            const timed = async (act, test) => {
              const before = cards();
              const refused = () => {
                const card = cards().find(card => !before.includes(card));
                return card ? 'refused: ' + card.textContent.replace(/\\s+/g, ' ').trim().slice(0, 120) : null;
              };
              const started = performance.now();
              act();
              const outcome = await until(() => test() || refused(), 60000);
              return { ms: Math.round(performance.now() - started), outcome };
            };
            const byId = id => document.getElementById(id);
            // Typed as a scanner types: the value, then Enter (the field's value goes to the server with the key).
            const typeAndEnter = (field, value) => {
              field.value = value;
              field.dispatchEvent(new Event('change', { bubbles: true }));
              field.dispatchEvent(new KeyboardEvent('keypress', { key: 'Enter', code: 'Enter', bubbles: true, composed: true }));
            };
            """;

    /** The counter: the booking's code scanned, until the screen shows whose booking it is (its queue number). */
    private static final String CHECK_IN = """
            // The result's part is drawn once a first booking is shown: until then there is no text to change.
            const citizen = () => (byId('counter-citizen') || { textContent: '' }).textContent;
            const was = citizen();
            const step = await timed(() => typeAndEnter(byId('counter-code'), arg.code), () => {
              const shown = citizen();
              return shown !== was && shown.includes(String(arg.number)) ? 'shown' : null;
            });
            return { steps: { 'counter: booking checked in': step } };""";

    /**
     * The registration desk, SOP C step 2: the NIK and Enter until the resident is shown, "documents received", every
     * document ticked and the resident in person (not timed: the clerk's own pace), "documents in order", "not
     * recorded" until the queue number is shown.
     */
    private static final String REGISTER = """
            const steps = {};
            let step = await timed(() => typeAndEnter(byId('recording-nik'), arg.nik),
              () => byId('recording-received') ? 'shown' : null);
            steps['registration: NIK looked up'] = step;
            if (step.outcome !== 'shown') return { steps };
            step = await timed(() => byId('recording-received').click(), () => byId('recording-documents-ok') ? 'shown' : null);
            steps['registration: documents received'] = step;
            if (step.outcome !== 'shown') return { steps };
            const panel = byId('recording-documents-ok').parentElement.parentElement;
            for (const box of panel.querySelectorAll('vaadin-checkbox')) {
              if (!box.checked) { box.click(); await until(() => box.checked ? 'ticked' : null, 60000); }
            }
            step = await timed(() => byId('recording-documents-ok').click(), () => byId('recording-not-recorded') ? 'shown' : null);
            steps['registration: documents in order'] = step;
            if (step.outcome !== 'shown') return { steps };
            step = await timed(() => byId('recording-not-recorded').click(), () => byId('recording-ticket') ? 'shown' : null);
            steps['registration: queue number given'] = step;
            return { steps, ticket: step.outcome === 'shown' ? byId('recording-ticket').textContent.trim() : null };""";

    /** The recording desk calls the next number, until it shows the number called; the call's time on the clock. */
    private static final String CALL = """
            const button = byId('recording-call-next');
            if (!button || button.hasAttribute('disabled')) return { steps: {}, busy: true };
            const calledAt = Date.now();
            const step = await timed(() => button.click(), () => byId('recording-called') ? 'shown' : null);
            return { steps: { 'recording: next number called': step }, calledAt,
              ticket: step.outcome === 'shown' ? byId('recording-called').textContent.trim() : null };""";

    /** The recording desk's "recorded" for the number it shows, until the number leaves the screen. */
    private static final String RECORDED = """
            const shown = byId('recording-called');
            if (!shown) return { steps: {} };
            const step = await timed(() => byId('recording-recorded').click(), () => byId('recording-called') !== shown ? 'shown' : null);
            return { steps: { 'recording: recorded': step } };""";

    /** The board notes when each number first shows on it, by the browser's clock (the desks' pages share it). */
    private static final String WATCH_BOARD = """
            window.__shown = {};
            new MutationObserver(() => {
              const number = byId('board-number');
              const text = number ? number.textContent.trim() : '';
              if (text && !(text in window.__shown)) window.__shown[text] = Date.now();
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
            return true;""";

    private static final String SHOWN_ON_BOARD = "return window.__shown;";

    private DeskActions() {
    }

    static String checkIn(String code, int queueNumber) {
        return script(CHECK_IN, Map.of("code", code, "number", queueNumber));
    }

    static String register(String nik) {
        return script(REGISTER, Map.of("nik", nik));
    }

    static String call() {
        return script(CALL, Map.of());
    }

    static String recorded() {
        return script(RECORDED, Map.of());
    }

    static String watchBoard() {
        return script(WATCH_BOARD, Map.of());
    }

    static String shownOnBoard() {
        return script(SHOWN_ON_BOARD, Map.of());
    }

    /** The script as an expression the page runs: an async function of {@code arg}. */
    private static String script(String body, Map<String, Object> arg) {
        return "(async (arg) => {\n" + PRELUDE + body + "\n})(" + JSON.writeValueAsString(arg) + ")";
    }

    /** The steps a script answered: each action's name, its milliseconds and what it showed. */
    record Step(String action, long millis, String outcome) {

        boolean shown() {
            return "shown".equals(outcome);
        }
    }

    static List<Step> steps(JsonNode answer) {
        return answer.path("steps").properties().stream()
                .map(step -> new Step(step.getKey(), step.getValue().path("ms").asLong(),
                        step.getValue().path("outcome").asString())).toList();
    }
}
