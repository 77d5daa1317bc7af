package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's own words (a date picker's months and buttons, an upload's "Upload File…", "Drop file here" and its
 * errors) in the user's language: each view passes its pickers and uploads through here. Months and weekdays come
 * from the JDK for the locale, the rest from {@code shared.properties}.
 */
public final class VaadinTexts {

    /** The one date format of the screens: day, month, year. */
    public static final String DATE_FORMAT = "dd/MM/yyyy";

    private VaadinTexts() {
    }

    public static DatePicker localized(DatePicker picker) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.of("id") : ui.getLocale();
        List<String> weekdays = Arrays.stream(DayOfWeek.values()).map(day -> day.plus(6)) // Sunday first, as Vaadin wants
                .map(day -> day.getDisplayName(TextStyle.FULL, locale)).toList();
        List<String> weekdaysShort = Arrays.stream(DayOfWeek.values()).map(day -> day.plus(6))
                .map(day -> day.getDisplayName(TextStyle.SHORT, locale)).toList();
        picker.setLocale(locale);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdays(weekdays).setWeekdaysShort(weekdaysShort).setFirstDayOfWeek(1)
                .setDateFormat(DATE_FORMAT)
                .setToday(text(ui, "shared.datepicker.today")).setCancel(text(ui, "shared.datepicker.cancel"))
                .setBadInputErrorMessage(text(ui, "shared.datepicker.bad-input")));
        return picker;
    }

    public static Upload localized(Upload upload) {
        UI ui = UI.getCurrent();
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(text(ui, "shared.upload.add-one"))
                        .setMany(text(ui, "shared.upload.add-many")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(text(ui, "shared.upload.drop-one"))
                        .setMany(text(ui, "shared.upload.drop-many")))
                .setError(new UploadI18N.Error().setTooManyFiles(text(ui, "shared.upload.too-many"))
                        .setFileIsTooBig(text(ui, "shared.upload.too-big"))
                        .setIncorrectFileType(text(ui, "shared.upload.wrong-type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(text(ui, "shared.upload.connecting"))
                                .setStalled(text(ui, "shared.upload.stalled"))
                                .setProcessing(text(ui, "shared.upload.processing"))
                                .setHeld(text(ui, "shared.upload.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(text(ui, "shared.upload.remaining"))
                                .setUnknown(text(ui, "shared.upload.remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(text(ui, "shared.upload.server-unavailable"))
                                .setUnexpectedServerError(text(ui, "shared.upload.server-error"))
                                .setForbidden(text(ui, "shared.upload.forbidden"))
                                .setFileTooLarge(text(ui, "shared.upload.too-big"))))
                .setFile(new UploadI18N.File().setRetry(text(ui, "shared.upload.retry"))
                        .setStart(text(ui, "shared.upload.start")).setRemove(text(ui, "shared.upload.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB")));
        return upload;
    }

    private static String text(UI ui, String key) {
        return ui == null ? key : ui.getTranslation(key);
    }
}
