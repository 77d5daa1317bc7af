package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.SchoolListImport;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.shared.upload.BoundedUploadHandler;
import id.dukcapil.portal.staff.ServicePoint;
import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/**
 * A list of schools from Excel, for the service point chosen (bound to {@link UploadForms.SchoolList}: no point is
 * said at its field and the file is not read); the bad rows said by number and reason. Apart from the schools screen:
 * it changes with the list's format, not with a school's page.
 */
class SchoolListUpload extends Details {

    final Select<ServicePoint> point = new Select<>();
    private final Binder<UploadForms.SchoolList> binder = new Binder<>(UploadForms.SchoolList.class);
    private final SchoolListImport schoolList;
    private final Runnable imported;

    SchoolListUpload(SchoolListImport schoolList, Schools service, Runnable imported) {
        this.schoolList = schoolList;
        this.imported = imported;
        setSummaryText(getTranslation("schoolvisit.schools.import-list"));
        point.setLabel(getTranslation("schoolvisit.field.service-point"));
        point.setItems(service.servicePoints());
        point.setItemLabelGenerator(ServicePoint::name);
        point.setId("school-list-point");
        binder.forField(point).withValidator(BeanRule.of(UploadForms.SchoolList.class, "point")).bind("point");
        UI ui = UI.getCurrent();
        Upload upload = VaadinTexts.localized(new Upload(BoundedUploadHandler.inMemory(RosterImport.MAX_UPLOAD_BYTES,
                (metadata, bytes) -> ui.access(() -> importList(bytes)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(RosterImport.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".xlsx", TableReportFiles.XLSX);
        upload.setId("school-list-upload");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = schoolList.template();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "templat-daftar-sekolah.xlsx",
                    TableReportFiles.XLSX, bytes.length);
        }), getTranslation("schoolvisit.schools.list-template"));
        template.setId("school-list-template");
        add(new Paragraph(getTranslation("schoolvisit.schools.import-hint")), template, point, upload);
        setId("school-list-import");
    }

    void importList(byte[] bytes) {
        ServicePoint chosen = point.getValue();
        if (binder.validate().hasErrors() || chosen == null) {
            return; // said at the point's field; the file is not read
        }
        try {
            SchoolListImport.Report report = schoolList.importList(chosen.code(), new ByteArrayInputStream(bytes));
            String message = getTranslation("schoolvisit.schools.list-imported", report.rows(), report.added(),
                    report.updated(), report.badRows().size()) + report.badRows().stream()
                    .map(row -> " " + getTranslation("schoolvisit.column.row") + " " + row.row() + ": "
                            + getTranslation(row.reasonKey(), row.args()))
                    .collect(Collectors.joining(""));
            if (report.badRows().isEmpty()) {
                Notifications.success(message);
            } else {
                Notifications.error(message);
            }
            imported.run();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }
}
