package id.dukcapil.portal.ikd.demo;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.ikd.demo.GatewayClient.Answer;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.upload.BoundedUploadHandler;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.shared.ui.PublicPage;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import org.jspecify.annotations.Nullable;

/**
 * The demo profile's IKD app (issue 16): one narrow page that plays the citizen's phone through the gateway API —
 * register, the face check's result, the photo of the officer's QR code (read here with ZXing, as the app's camera
 * would), the PIN from the e-mail (the demo mailbox) — so SOP E can be seen end to end on one machine.
 */
@Route(value = "demo/ikd-app", registerAtStartup = false, autoLayout = false)
@AnonymousAllowed
class DemoIkdAppView extends PublicPage implements HasDynamicTitle {

    /** A phone photo is a few megabytes; nothing larger is read. */
    static final long MAX_PHOTO_BYTES = 8L * 1024 * 1024;
    /** A photo of a screen needs no more pixels than this each way; a larger claim is not decoded. */
    private static final int MAX_PHOTO_PIXELS = 6_000;

    final TextField nik = new TextField();
    final TextField kkNumber = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final Select<ServicePoint> point = new Select<>();
    final Button register = new Button();
    final Button facePassed = new Button();
    final Button faceFailed = new Button();
    final Upload qrPhoto;
    final TextField pin = new TextField();
    final Button activate = new Button();
    final Paragraph status = new Paragraph();
    private final GatewayClient gateway;
    @Nullable String code;

    DemoIkdAppView(GatewayClient gateway, DemoResidents residents, ServicePoints servicePoints) {
        super("ikd.demo.brand", null, "420px");
        this.gateway = gateway;
        nik.setLabel(getTranslation("ikd.demo.nik"));
        nik.setId("ikd-app-nik");
        nik.setMaxLength(16);
        nik.setWidthFull();
        kkNumber.setLabel(getTranslation("ikd.demo.kk"));
        kkNumber.setId("ikd-app-kk");
        kkNumber.setMaxLength(16);
        kkNumber.setWidthFull();
        Button sample = new Button(getTranslation("ikd.demo.sample"), click -> residents.sample()
                .ifPresentOrElse(found -> {
                    nik.setValue(found.nik());
                    kkNumber.setValue(found.kkNumber());
                }, () -> show(getTranslation("ikd.demo.no-sample"))));
        sample.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        email.setLabel(getTranslation("ikd.demo.email"));
        email.setValue("warga.ikd@contoh.id");
        email.setWidthFull();
        phone.setLabel(getTranslation("ikd.demo.phone"));
        phone.setValue("081234567890");
        point.setLabel(getTranslation("ikd.demo.point"));
        point.setItems(servicePoints.active());
        point.setItemLabelGenerator(ServicePoint::name);
        servicePoints.byCode("MPP-SOREANG").ifPresent(point::setValue);
        point.setWidthFull();
        point.addClassName("value-wraps"); // "Mal Pelayanan Publik Kabupaten Bandung" whole at 360 px
        register.setText(getTranslation("ikd.demo.register"));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> registered(gateway.register(nik.getValue(), kkNumber.getValue(),
                email.getValue(), phone.getValue(), point.getValue() == null ? "" : point.getValue().code(),
                phoneAddress())));

        facePassed.setText(getTranslation("ikd.demo.face-passed"));
        facePassed.addClickListener(click -> answer(gateway.faceCheck(code(), true)));
        faceFailed.setText(getTranslation("ikd.demo.face-failed"));
        faceFailed.addClickListener(click -> answer(gateway.faceCheck(code(), false)));

        UI ui = UI.getCurrent();
        qrPhoto = VaadinTexts.localized(new Upload(BoundedUploadHandler.inMemory(MAX_PHOTO_BYTES,
                (metadata, bytes) -> ui.access(() -> scanned(bytes)))));
        qrPhoto.setMaxFiles(1);
        qrPhoto.addFileRejectedListener(rejected -> show(getTranslation("ikd.demo.too-large",
                MAX_PHOTO_BYTES / (1024 * 1024))));
        qrPhoto.setAcceptedFileTypes("image/*");
        qrPhoto.setMaxFileSize((int) MAX_PHOTO_BYTES);
        qrPhoto.setUploadButton(new Button(getTranslation("ikd.demo.scan")));
        qrPhoto.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("ikd.demo.scan-drop")));

        pin.setLabel(getTranslation("ikd.demo.pin"));
        pin.setId("ikd-app-pin");
        pin.setMaxLength(6);
        pin.setAllowedCharPattern("[0-9]");
        activate.setText(getTranslation("ikd.demo.activate"));
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClickListener(click -> answer(gateway.activate(code(), pin.getValue())));
        status.setId("ikd-app-status");

        qrPhoto.setWidthFull();
        add(new H2(getTranslation("ikd.demo.title")), new Paragraph(getTranslation("ikd.demo.help")),
                row(nik, sample), kkNumber, email, phone, point, register,
                new Paragraph(getTranslation("ikd.demo.step.face")), row(facePassed, faceFailed),
                new Paragraph(getTranslation("ikd.demo.step.scan")), qrPhoto,
                new Paragraph(getTranslation("ikd.demo.step.pin")),
                new Anchor("mailbox", getTranslation("ikd.demo.mailbox")), row(pin, activate), status);
    }

    /** Side by side where the phone is wide enough, else one under the other (360 px). */
    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setWrap(true);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    void scanned(byte[] photo) {
        qrPhoto.clearFileList();
        Codes.readQr(photo, MAX_PHOTO_PIXELS).ifPresentOrElse(qr -> answer(gateway.scan(code(), qr)),
                () -> show(getTranslation("ikd.demo.no-qr")));
    }

    private void registered(Answer answer) {
        if (answer.ok()) {
            code = answer.text("code");
        }
        answer(answer);
    }

    private void answer(Answer answer) {
        if (answer.ok()) {
            show(getTranslation("ikd.demo.state", answer.text("code"),
                    getTranslation("ikd.state." + answer.text("state"), answer.text("faceAttempts"))));
        } else {
            String detail = answer.text("detail");
            show(answer.text("code") + ": " + (detail.isBlank() ? answer.text("title") : detail));
        }
    }

    /** The address of the browser playing the phone: its wrong guesses are counted for it, not for the portal. */
    private static String phoneAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        String address = request == null ? null : request.getRemoteAddr();
        return address == null || address.isBlank() ? "0.0.0.0" : address;
    }

    private String code() {
        return code == null ? "-" : code;
    }

    private void show(String text) {
        status.setText(text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ikd.demo.title");
    }
}
