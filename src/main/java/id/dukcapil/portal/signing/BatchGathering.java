package id.dukcapil.portal.signing;

import static id.dukcapil.portal.signing.BatchCommitter.failed;
import static id.dukcapil.portal.signing.BatchCommitter.notSigned;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import id.dukcapil.portal.signing.BatchCommitter.Signed;
import id.dukcapil.portal.signing.internal.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * A session that signs many documents per call (a TOTP's, decision 151): rendered documents are gathered into
 * calls within the session's {@link DocumentSigner.CallSize}, each call sent as soon as it is full, on the
 * batch's callers; what is left once every document is rendered goes in a last call.
 */
final class BatchGathering {

    private static final Logger log = LoggerFactory.getLogger(BatchGathering.class);

    private final long batchId;
    private final DocumentSigner.Session session;
    private final BatchRun run;
    private final BatchCommitter committer;
    private final DocumentSigner.CallSize size;
    private final List<BatchSigning.Rendered> call = new ArrayList<>();
    private long bytes;
    private final List<CompletableFuture<Void>> calls = new ArrayList<>();
    private final ExecutorService callers;

    BatchGathering(long batchId, DocumentSigner.Session session, BatchRun run, BatchCommitter committer,
                   ExecutorService callers) {
        this.batchId = batchId;
        this.callers = callers;
        this.session = session;
        this.run = run;
        this.committer = committer;
        this.size = session.callSize();
    }

    synchronized void add(BatchSigning.Rendered rendered) {
        if (!call.isEmpty() && bytes + rendered.pdf().length > size.bytes()) {
            dispatch();
        }
        call.add(rendered);
        bytes += rendered.pdf().length;
        if (call.size() >= size.files()) {
            dispatch();
        }
    }

    /** The last call, then every call's end. */
    synchronized CompletableFuture<Void> sendTheRest() {
        dispatch();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private void dispatch() {
        if (call.isEmpty()) {
            return;
        }
        List<BatchSigning.Rendered> documents = List.copyOf(call);
        call.clear();
        bytes = 0;
        calls.add(CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> send(documents)),
                callers));
    }

    private void send(List<BatchSigning.Rendered> documents) {
        if (run.stopRequested()) {
            return;
        }
        List<DocumentSigner.Result> results;
        try {
            results = session.signTogether(batchId, documents.stream()
                    .map(rendered -> new DocumentSigner.Unsigned(rendered.document().id(), rendered.pdf()))
                    .toList());
        } catch (RuntimeException e) {
            log.warn("A call of {} documents of batch {} failed", documents.size(), batchId, e);
            documents.forEach(rendered -> committer.finished.add(failed(rendered.document(), e)));
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            DocumentStore.DocumentRow document = documents.get(i).document();
            committer.finished.add(switch (results.get(i)) {
                case DocumentSigner.Signed signed -> new Signed(document, signed);
                case DocumentSigner.Refused refused -> notSigned(document, refused.why());
            });
        }
    }
}
