package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Vaadin's own words on the screens are in Bahasa Indonesia: a date picker's months, an upload's button. */
class VaadinTextsViewTest extends PortalViewTest {

    @Test
    @WithUserDetails("admin")
    void date_pickers_and_uploads_speak_indonesian() throws Exception {
        navigate("audit", com.vaadin.flow.component.Component.class);
        DatePicker from = find(DatePicker.class).all().getFirst();
        assertThat(from.getI18n().getMonthNames()).startsWith("Januari", "Februari", "Maret");
        assertThat(from.getI18n().getWeekdays()).startsWith("Minggu", "Senin");
        assertThat(from.getI18n().getToday()).isEqualTo("Hari ini");

        navigate("certificates", com.vaadin.flow.component.Component.class);
        Upload upload = find(Upload.class).all().getFirst();
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("Pilih berkas…");
        assertThat(upload.getI18n().getDropFiles().getOne()).isEqualTo("Letakkan berkas di sini");
    }
}
