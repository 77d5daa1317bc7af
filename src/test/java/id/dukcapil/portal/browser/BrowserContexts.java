package id.dukcapil.portal.browser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Browser contexts of one Chromium, each with cookies of its own (one signed-in session each), over the browser's
 * own DevTools socket: ChromeDriver's CDP command reaches a page, which may not create contexts. ChromeDriver then
 * sees each page made here as a window it can switch to.
 */
final class BrowserContexts implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    BrowserContexts(Browser browser) throws Exception {
        String endpoint = (String) browser.driver.getCapabilities().getCapability("se:cdp");
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), new Answers()).get(10, TimeUnit.SECONDS);
    }

    /** A new context: an incognito-like profile whose cookies no other context sees. */
    String create() throws Exception {
        return call("Target.createBrowserContext", Map.of()).path("browserContextId").asString();
    }

    /** A new page in {@code context} at {@code url}; its target id is the ChromeDriver window handle. */
    String open(String context, String url) throws Exception {
        return call("Target.createTarget", Map.of("url", url, "browserContextId", context)).path("targetId").asString();
    }

    /** Closes the page {@code target}. */
    void close(String target) throws Exception {
        call("Target.closeTarget", Map.of("targetId", target));
    }

    /**
     * A DevTools session of its own on the page {@code target}: scripts run there ({@link #evaluate}) beside
     * ChromeDriver's, and many pages' at once, where ChromeDriver reaches one window at a time.
     */
    String attach(String target) throws Exception {
        return call("Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asString();
    }

    /** Runs {@code expression} in the page of {@code session}, its promise awaited: the value it answers, as JSON. */
    CompletableFuture<JsonNode> evaluate(String session, String expression) {
        return send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true, "returnByValue", true),
                session).thenApply(result -> {
                    if (result.has("exceptionDetails")) {
                        throw new IllegalStateException("the page's script failed: " + result.get("exceptionDetails")
                                .path("exception").path("description").asString(result.get("exceptionDetails").toString()));
                    }
                    return result.path("result").path("value");
                });
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        return send(method, params, null).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<JsonNode> send(String method, Map<String, Object> params, String session) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        Map<String, Object> message = session == null ? Map.of("id", id, "method", method, "params", params)
                : Map.of("id", id, "method", method, "params", params, "sessionId", session);
        synchronized (socket) { // one text at a time on the socket
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }
        return answer.thenApply(reply -> {
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        });
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Answers implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> answer = message.has("id")
                            ? answers.remove(message.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (Exception e) {
                    answers.values().forEach(answer -> answer.completeExceptionally(e));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
