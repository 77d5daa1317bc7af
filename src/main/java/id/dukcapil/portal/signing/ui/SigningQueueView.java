package id.dukcapil.portal.signing.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.signing.DocumentReturned;
import id.dukcapil.portal.signing.BatchRun;
import id.dukcapil.portal.signing.BatchSigning;
import id.dukcapil.portal.signing.Certificates;
import id.dukcapil.portal.signing.DocumentOutcome;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.Totp;
import id.dukcapil.portal.signing.DocumentSigner.SecretKind;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * HEAD: the documents waiting for the Kepala Dinas's signature, overdue first. Preview one, send one back, choose
 * some or all, type the passphrase (or, signing through BSrE, a TOTP from the BeSign app) and sign them as a batch;
 * progress is polled every half second while it runs, and its end is pushed the moment it comes.
 */
@Route("signing")
@RolesAllowed(Roles.HEAD)
@Menu(title = "nav.signing", order = 20, icon = "vaadin:pencil")
class SigningQueueView extends VerticalLayout implements HasDynamicTitle {

    /** The screen shows progress at least every second: the browser polls twice a second during a batch. */
    static final int PROGRESS_POLL_MILLIS = 500;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final CertificateBanner certificateStatus;
    final InterruptedBatches interrupted;
    final SigningQueueGrid queue;
    final Button selectAll = new Button();
    final Button clearSelection = new Button();
    final Span selection = new Span();
    /** Passphrase or a TOTP from BeSign: offered only when the office signs through BSrE. */
    final RadioButtonGroup<SecretKind> secretKind = new RadioButtonGroup<>();
    final PasswordField passphrase = new PasswordField();
    final Button sign = new Button();
    final ProgressBar progressBar = new ProgressBar();
    final Span progress = new Span();
    final Button stop = new Button();
    final Grid<DocumentOutcome> results = new Grid<>();
    final Span resultsOrder = new Span();

    private final SigningQueue signingQueue;
    private final BatchSigning batchSigning;
    private boolean allSelected;
    @Nullable BatchRun run;
    private @Nullable Registration polling;

    SigningQueueView(SigningQueue signingQueue, BatchSigning batchSigning, Certificates certificates,
                     Clock clock) {
        this.signingQueue = signingQueue;
        this.batchSigning = batchSigning;
        this.certificateStatus = new CertificateBanner(batchSigning, certificates, clock);
        this.interrupted = new InterruptedBatches(batchSigning, clock.getZone(), this::resume);
        this.queue = new SigningQueueGrid(signingQueue, clock);
        setSizeFull();

        // A width of its own (decision 127): measured from the rows first drawn, the column came out a few pixels
        // wide in a full test run and cut both buttons.
        actions().addTo(queue).setAutoWidth(false).setWidth("16em");
        queue.addSelectionListener(change -> {
            allSelected = false;
            updateSelection();
        });

        selectAll.setId("signing-select-all");
        selectAll.setText(getTranslation("signing.select-all"));
        selectAll.addClickListener(click -> {
            allSelected = true;
            updateSelection();
        });
        clearSelection.setText(getTranslation("signing.clear-selection"));
        clearSelection.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearSelection.addClickListener(click -> {
            queue.deselectAll();
            allSelected = false;
            updateSelection();
        });
        secretKind.setId("signing-secret-kind");
        secretKind.setLabel(getTranslation("signing.secret.kind"));
        secretKind.setItems(SecretKind.PASSPHRASE, SecretKind.TOTP);
        secretKind.setItemLabelGenerator(kind -> getTranslation(kind == SecretKind.TOTP ? "signing.secret.totp"
                : "signing.secret.passphrase"));
        secretKind.setValue(SecretKind.PASSPHRASE);
        secretKind.setVisible(batchSigning.secretKinds().contains(SecretKind.TOTP));
        secretKind.addValueChangeListener(change -> asked(passphrase));
        passphrase.setId("signing-passphrase");
        passphrase.setRevealButtonVisible(false);
        passphrase.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        asked(passphrase);
        sign.setId("signing-sign");
        sign.setIcon(VaadinIcon.PENCIL.create());
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.addClickListener(click -> signSelected());
        EnterSubmits.on(sign, passphrase);
        stop.setText(getTranslation("signing.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        stop.addClickListener(click -> {
            if (run != null) {
                run.stop();
            }
        });
        stop.setVisible(false);
        progressBar.setVisible(false);
        results.addColumn(DocumentOutcome::number).setHeader(getTranslation("signing.column.number")).setAutoWidth(true);
        results.addColumn(outcome -> getTranslation(outcome.result().labelKey()))
                .setHeader(getTranslation("signing.column.result")).setAutoWidth(true);
        results.addColumn(outcome -> outcome.messageKey() == null ? ""
                        : getTranslation(outcome.messageKey(), outcome.detail() == null ? "" : outcome.detail()))
                .setHeader(getTranslation("signing.column.note")).setFlexGrow(3);
        results.addThemeVariants(GridVariant.LUMO_COMPACT);
        results.setAllRowsVisible(true);
        results.setVisible(false);
        resultsOrder.setText(getTranslation("signing.results.order"));
        resultsOrder.addClassName("signing-results-order");
        resultsOrder.setVisible(false);

        HorizontalLayout selectionBar = new HorizontalLayout(selectAll, clearSelection, selection);
        selectionBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout signBar = new HorizontalLayout(secretKind, passphrase, sign, stop);
        signBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        signBar.setWrap(true); // the choice of secret, its field and the buttons do not fit a phone's width in one row
        progressBar.setWidth("30em");
        add(new H3(getTranslation("signing.title")), certificateStatus, interrupted, selectionBar, queue, signBar,
                progressBar, progress, resultsOrder, results);
        certificateStatus.show();
        interrupted.show();
        updateSelection();
    }

    /** Each document's preview, and its return to the verifier with a reason. */
    private RowActions<QueuedDocument> actions() {
        return RowActions.<QueuedDocument>of(QueuedDocument::id)
                .dialogButton("preview-", getTranslation("signing.preview"), VaadinIcon.EYE, document -> true,
                        this::openPreview, ButtonVariant.LUMO_TERTIARY)
                .dialogButton("return-", getTranslation("signing.return"), VaadinIcon.ARROW_BACKWARD, document -> true,
                        this::openReturn, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    }

    /** The document as it will be signed beside the facts of its case, and what the head decides in its footer. */
    void openPreview(QueuedDocument document) {
        byte[] pdf;
        List<SignableDocuments.Detail> details;
        try {
            pdf = signingQueue.preview(document.id());
            details = signingQueue.details(document.id(), getLocale());
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            return;
        }
        PreviewDialog dialog = new PreviewDialog(document, pdf, details,
                () -> signingQueue.previewFile(document.id(), getLocale()));
        dialog.getFooter().add(decide(document, dialog));
        dialog.open();
    }

    /**
     * What the head decides having read the document, in the preview's own footer: sign this one (its passphrase
     * typed here, a wrong one told at the field) or send it back; or close.
     */
    private HorizontalLayout decide(QueuedDocument document, Dialog dialog) {
        PasswordField key = new PasswordField();
        key.setId("signing-preview-passphrase");
        key.setRevealButtonVisible(false);
        key.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        asked(key);
        key.setPlaceholder(key.getLabel());
        key.setAriaLabel(key.getLabel());
        key.setLabel(null);
        key.setHelperText(null);
        Button signThis = new Button(getTranslation("signing.preview.sign"), VaadinIcon.PENCIL.create());
        signThis.setId("signing-preview-sign");
        signThis.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signThis.setEnabled(run == null);
        signThis.addClickListener(click -> {
            SecretKind kind = kind();
            if (startBatch(key, () -> batchSigning.start(List.of(document.id()), kind, key.getValue().toCharArray()))) {
                dialog.close();
            }
        });
        Button back = new Button(getTranslation("signing.return"), VaadinIcon.ARROW_BACKWARD.create(), click -> {
            dialog.close();
            openReturn(document);
        });
        EnterSubmits.on(signThis, key);
        back.setId("signing-preview-return");
        back.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button(getTranslation("signing.close"), click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout footer = new HorizontalLayout(key, signThis, back, close);
        footer.setAlignItems(FlexComponent.Alignment.BASELINE);
        footer.setWrap(true);
        return footer;
    }

    void openReturn(QueuedDocument document) {
        new ReasonDialog(getTranslation("signing.return.title", document.number()),
                getTranslation("signing.return.confirm"), DocumentReturned.REASON_MAX_LENGTH, reason -> {
                    signingQueue.returnToVerifier(document.id(), reason);
                    Notifications.success(getTranslation("signing.return.done", document.number()));
                    refreshQueue();
                }).open();
    }

    void signSelected() {
        List<Long> ids = allSelected ? signingQueue.queuedIds()
                : queue.getSelectedItems().stream().map(QueuedDocument::id).toList();
        SecretKind kind = kind();
        startBatch(passphrase, () -> batchSigning.start(ids, kind, passphraseChars()));
    }

    void resume(long batchId) {
        SecretKind kind = kind();
        startBatch(passphrase, () -> batchSigning.resume(batchId, kind, passphraseChars()));
    }

    private SecretKind kind() {
        return secretKind.getValue() == null ? SecretKind.PASSPHRASE : secretKind.getValue();
    }

    /**
     * The field asks for the secret chosen: a TOTP is six digits and nothing else can be typed (the signer checks
     * again); a passphrase is free text.
     */
    private void asked(PasswordField key) {
        boolean totp = kind() == SecretKind.TOTP;
        key.clear();
        key.setInvalid(false);
        key.setLabel(getTranslation(totp ? "signing.totp" : "signing.passphrase"));
        key.setHelperText(getTranslation(totp ? "signing.totp.help" : "signing.passphrase.help"));
        if (totp) {
            key.setMaxLength(Totp.DIGITS);
        } else {
            key.getElement().removeProperty("maxlength");
        }
        key.setAllowedCharPattern(totp ? "[0-9]" : "");
    }

    /** Starts a batch with the passphrase typed in {@code key}, which is emptied either way; whether it started. */
    private boolean startBatch(PasswordField key, java.util.function.Supplier<BatchRun> starter) {
        BatchRun started;
        try {
            started = starter.get();
        } catch (RuleViolation violation) {
            key.clear();
            key.setErrorMessage(Notifications.text(violation));
            key.setInvalid(true);
            Notifications.error(violation);
            return false;
        }
        run = started;
        key.clear();
        key.setInvalid(false);
        sign.setEnabled(false);
        stop.setVisible(true);
        progressBar.setVisible(true);
        results.setVisible(false);
        resultsOrder.setVisible(false);
        UI ui = UI.getCurrent();
        ui.setPollInterval(PROGRESS_POLL_MILLIS);
        polling = ui.addPollListener(poll -> showProgress());
        if (LiveRefresh.pushOn(ui)) { // the batch's end shown as it comes, not at the next poll
            started.completion().whenComplete((outcomes, failure) -> {
                try {
                    ui.access(this::showProgress);
                } catch (UIDetachedException gone) {
                    // the head left the screen: the batch is in the queue's history, nothing to show
                }
            });
        }
        showProgress();
        return true;
    }

    /** Called on each poll while a batch runs, and once when it has ended. */
    void showProgress() {
        BatchRun current = run;
        if (current == null) {
            return;
        }
        progressBar.setValue(current.total() == 0 ? 1 : (double) current.done() / current.total());
        progress.setText(getTranslation("signing.progress", current.done(), current.total(), current.signed(),
                current.failed(), current.skipped()));
        if (current.finished()) {
            finish(current);
        }
    }

    private void finish(BatchRun finished) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        UI.getCurrent().setPollInterval(-1);
        run = null;
        sign.setEnabled(true);
        stop.setVisible(false);
        results.setItems(finished.outcomes().stream().sorted(DocumentOutcome.FAILED_FIRST).toList());
        results.setVisible(true);
        resultsOrder.setVisible(true);
        // The result in sight: below the queue it was under the fold at 1440 × 900 (issue 54, item 10).
        resultsOrder.scrollIntoView();
        if (finished.stopRequested()) {
            Notifications.success(getTranslation("signing.batch.stopped", finished.signed()));
        } else {
            Notifications.success(getTranslation("signing.batch.done", finished.signed(), finished.failed(),
                    finished.skipped()));
        }
        queue.deselectAll();
        allSelected = false;
        refreshQueue();
        interrupted.show();
    }

    private char[] passphraseChars() {
        return passphrase.getValue().toCharArray();
    }

    void refreshQueue() {
        queue.getDataProvider().refreshAll();
        updateSelection();
    }

    private void updateSelection() {
        int count = allSelected ? signingQueue.queuedIds().size() : queue.getSelectedItems().size();
        selection.setText(allSelected ? getTranslation("signing.selected-all", count)
                : getTranslation("signing.selected", count));
        sign.setText(getTranslation("signing.sign", count));
        sign.setEnabled(count > 0 && run == null);
    }

    Set<QueuedDocument> selected() {
        return queue.getSelectedItems();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        certificateStatus.show();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.signing") + " · Dukcapil Portal";
    }
}
