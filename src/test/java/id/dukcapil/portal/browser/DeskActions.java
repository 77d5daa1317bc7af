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

    /**
     * Waits for a page's answer to a user's act: looked for at each change of the page (a mutation observer) and every
     * 10 ms besides (Vaadin may go idle without changing the page), not polled every few milliseconds, so that a
     * waiting page costs its renderer next to nothing.
     */
    private static final String PRELUDE = Browser.BUSY + """
            const until = (test, limit, what) => new Promise((resolve, reject) => {
              const started = performance.now();
              let timer = null;
              const observer = new MutationObserver(() => look());
              const done = () => { observer.disconnect(); clearTimeout(timer); };
              const look = () => {
                let found = null;
                try { found = test(); } catch (e) { found = null; }
                if (found && !busy()) { done(); resolve(found); }
                else if (performance.now() - started > limit) {
                  done();
                  reject(new Error((what || 'nothing shown') + ' within ' + limit + ' ms; the page showed: '
                    + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 600)));
                } else { clearTimeout(timer); timer = setTimeout(look, 10); }
              };
              observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
              look();
            });
            const cards = () => [...document.querySelectorAll('vaadin-notification-card')];
            const success = card => (card.getAttribute('theme') || '').includes('success');
            // The act's success note, new since it began: where a row moves or leaves a grid, what the user reads.
            const noted = before => cards().some(card => !before.includes(card) && success(card)) ? 'shown' : null;
            // The server's time: each Vaadin round trip the act caused, from the request sent to the first byte of
            // its answer (Resource Timing, the browser's network stack; on loopback that is the node's own time).
            const timed = async (act, test, limit) => {
              const before = cards();
              const refused = () => {
                const card = cards().find(card => !before.includes(card));
                return card ? 'refused: ' + card.textContent.replace(/\\s+/g, ' ').trim().slice(0, 120) : null;
              };
              performance.setResourceTimingBufferSize(100000);
              performance.clearResourceTimings();
              const started = performance.now();
              act();
              const outcome = await until(() => test(before) || refused(), limit || 60000);
              const ms = Math.round(performance.now() - started);
              const trips = performance.getEntriesByType('resource')
                .filter(trip => trip.startTime >= started && trip.name.includes('v-r=uidl'));
              const serverMs = Math.round(trips.reduce((sum, trip) => sum + Math.max(0, trip.responseStart - trip.requestStart), 0));
              // When the act's first request left the page (epoch ms): where a call's way to the board starts.
              const sentAt = trips.length ? Math.round(performance.timeOrigin + trips[0].requestStart) : null;
              return { ms, serverMs, trips: trips.length, outcome, sentAt };
            };
            const byId = id => document.getElementById(id);
            // The element with that id in a row the grid draws: a grid may keep a stale copy of a cell's component,
            // which the server no longer knows, while it draws the new one.
            const drawn = id => [...document.querySelectorAll('[id="' + id + '"]')].find(element => {
              const cell = element.closest('vaadin-grid-cell-content');
              return !cell || cell.assignedSlot;
            }) || null;
            // A row's element, looked for as a user does: a grid draws only the rows in sight, so each grid is
            // scrolled on a little between looks until the row is drawn (not timed: the act starts once it is found).
            const seek = find => () => {
              const found = find();
              if (found) return found;
              if (!window.__seekAt || performance.now() - window.__seekAt > 200) {
                window.__seekAt = performance.now();
                for (const grid of document.querySelectorAll('vaadin-grid')) {
                  if (!grid.size) continue;
                  grid.__seek = ((grid.__seek ?? -10) + 10) % grid.size;
                  grid.scrollToIndex(grid.__seek);
                }
              }
              return null;
            };
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

    /**
     * The recording desk calls the next number, until it shows the number called; the call's time on the clock: when
     * its request left the page.
     */
    private static final String CALL = """
            const button = byId('recording-call-next');
            if (!button || button.hasAttribute('disabled')) return { steps: {}, busy: true };
            const step = await timed(() => button.click(), () => byId('recording-called') ? 'shown' : null);
            return { steps: { 'recording: next number called': step }, calledAt: step.sentAt,
              ticket: step.outcome === 'shown' ? byId('recording-called').textContent.trim() : null };""";

    /** The recording desk's "recorded" for the number it shows, until the number leaves the screen. */
    private static final String RECORDED = """
            const shown = byId('recording-called');
            if (!shown) return { steps: {} };
            const step = await timed(() => byId('recording-recorded').click(), () => byId('recording-called') !== shown ? 'shown' : null);
            return { steps: { 'recording: recorded': step } };""";

    /**
     * The IKD desk, SOP E step 4: once the citizen's registration has reached the desk (told over push, not timed),
     * "show QR" until the activation QR code is on the screen; its picture, which the phone scans.
     */
    private static final String IKD_QR = """
            await until(seek(() => drawn('qr-' + arg.code)), 60000, 'no registration ' + arg.code + ' on the desk');
            const was = byId('ikd-qr') ? byId('ikd-qr').getAttribute('src') : null;
            const step = await timed(() => drawn('qr-' + arg.code).click(), () => {
              const qr = byId('ikd-qr');
              return qr && qr.getAttribute('src') && qr.getAttribute('src') !== was ? 'shown' : null;
            });
            return { steps: { 'ikd: activation QR shown': step },
              qr: step.outcome === 'shown' ? byId('ikd-qr').getAttribute('src') : null };""";

    /**
     * The IKD desk, SOP E step 6: once the activation has reached the desk, "archive" until the checklist shows,
     * every item ticked (not timed: the officer's pace), "archive" until the citizen leaves the desk's list.
     */
    private static final String IKD_ARCHIVE = """
            const steps = {};
            await until(seek(() => drawn('archive-' + arg.code)), 60000, 'no activation ' + arg.code + ' to archive');
            let step = await timed(() => drawn('archive-' + arg.code).click(), () => byId('ikd-archive-items') ? 'shown' : null);
            steps['ikd: archive checklist opened'] = step;
            if (step.outcome !== 'shown') return { steps };
            for (const box of byId('ikd-archive-items').querySelectorAll('vaadin-checkbox')) {
              if (!box.checked) { box.click(); await until(() => box.checked ? 'ticked' : null, 60000, 'an item not ticked'); }
            }
            await until(() => !byId('ikd-archive-confirm').hasAttribute('disabled') ? 'enabled' : null, 60000,
              'archive not enabled');
            step = await timed(() => byId('ikd-archive-confirm').click(), noted);
            steps['ikd: archived'] = step;
            return { steps };""";

    /**
     * The KK operator, SOP B step 6: once the citizen's request is in the inbox (told over push, not timed), "take"
     * until it is the operator's, then "forward" until it has left for the verifier.
     */
    private static final String KK_CHECK = """
            const steps = {};
            await until(seek(() => drawn('claim-' + arg.id)), 60000, 'no request ' + arg.id + ' to take');
            // A row redrawn under the click (another operator's change, pushed) drops the click: the button clicked is
            // no longer the one drawn, nothing happens, and the operator clicks again; the time runs from the first.
            let clicked = null;
            const press = id => { clicked = drawn(id); clicked.click(); };
            const again = id => before => {
              const shown = noted(before);
              const now = drawn(id);
              if (!shown && now && now !== clicked && !busy()) press(id);
              return shown;
            };
            let step = await timed(() => press('claim-' + arg.id), again('claim-' + arg.id));
            steps['kk operator: request taken'] = step;
            if (step.outcome !== 'shown') return { steps };
            await until(seek(() => drawn('forward-' + arg.id)), 60000, 'request ' + arg.id + ' not to forward');
            step = await timed(() => press('forward-' + arg.id), again('forward-' + arg.id));
            steps['kk operator: forwarded'] = step;
            return { steps };""";

    /**
     * The JFM verifier, SOP B step 7: once the request is in the inbox, its row clicked until the review beside the
     * family shows, then "verify and validate" until the review is closed.
     */
    private static final String KK_VERIFY = """
            const steps = {};
            const row = () => [...document.querySelectorAll('vaadin-grid-cell-content')]
              .find(cell => cell.textContent.trim() === arg.tracking && cell.assignedSlot);
            await until(seek(row), 60000, 'no request ' + arg.tracking + ' to verify');
            // A user's single click (click count 1, which opens the row; a script's click() counts 0).
            let step = await timed(() => row().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 })), () => {
              const review = byId('review-problems');
              return review && review.parentElement.textContent.includes(arg.tracking) && byId('kkprint-verify') ? 'shown' : null;
            });
            steps['kk verifier: request reviewed'] = step;
            if (step.outcome !== 'shown') return { steps };
            step = await timed(() => byId('kkprint-verify').click(), noted);
            steps['kk verifier: verified'] = step;
            return { steps };""";

    /**
     * The Kepala Dinas, SOP B step 8: "select all" and the passphrase (not timed: the head's own pace), then "sign"
     * until the batch's result is told (its success note).
     */
    private static final String SIGN_BATCH = """
            byId('signing-select-all').click();
            await until(() => 'selected', 60000);
            const key = byId('signing-passphrase');
            key.value = arg.passphrase;
            key.dispatchEvent(new Event('change', { bubbles: true }));
            await until(() => 'typed', 60000);
            const step = await timed(() => byId('signing-sign').click(), noted, 300000);
            return { steps: { 'signing: batch signed': step } };""";

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

    static String showIkdQr(String code) {
        return script(IKD_QR, Map.of("code", code));
    }

    static String archiveIkd(String code) {
        return script(IKD_ARCHIVE, Map.of("code", code));
    }

    static String checkKkRequest(long id) {
        return script(KK_CHECK, Map.of("id", id));
    }

    static String verifyKkRequest(String tracking) {
        return script(KK_VERIFY, Map.of("tracking", tracking));
    }

    static String signBatch(String passphrase) {
        return script(SIGN_BATCH, Map.of("passphrase", passphrase));
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

    /**
     * The steps a script answered: each action's name, its milliseconds in the page, the server's share of them (its
     * Vaadin round trips, request sent to answer's first byte) and what it showed.
     */
    record Step(String action, long millis, long serverMillis, String outcome) {

        boolean shown() {
            return "shown".equals(outcome);
        }
    }

    static List<Step> steps(JsonNode answer) {
        return answer.path("steps").properties().stream()
                .map(step -> new Step(step.getKey(), step.getValue().path("ms").asLong(),
                        step.getValue().path("serverMs").asLong(), step.getValue().path("outcome").asString())).toList();
    }
}
