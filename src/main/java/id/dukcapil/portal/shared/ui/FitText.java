package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.Stream;

/**
 * Makes a field wide enough to show its text whole: a select's or combo box's longest item ("Mal Pelayanan Publik
 * Kabupaten Bandung", "Bahasa Indonesia"), a text field's placeholder, a field's label; never narrower than Vaadin's default field and
 * never wider than the space it is in (a phone). Call it again after the items change (decision 105).
 */
public final class FitText {

    /** Beside the text: a combo box's toggle and clear buttons, a select's toggle, a clear button; the padding. */
    private static final String COMBO_BOX_BUTTONS = "4.5em";
    private static final String SELECT_BUTTON = "3.5em";
    private static final String CLEAR_BUTTON = "3em";
    /** Beside a label: its indent and the required-field mark. */
    private static final String LABEL_INDENT = "1.5em";

    private FitText() {
    }

    public static void toPlaceholder(TextField field) {
        fit(field, Stream.ofNullable(field.getPlaceholder()), CLEAR_BUTTON);
    }

    public static <T> void toItems(ComboBox<T> box) {
        String placeholder = box.getPlaceholder() == null ? "" : box.getPlaceholder();
        fit(box, Stream.concat(Stream.of(placeholder), box.getListDataView().getItems().map(box.getItemLabelGenerator())),
                COMBO_BOX_BUTTONS);
    }

    /** A field as wide as its label: a label wider than the field is cut ("Hasil hitung stok opname"). */
    public static <F extends HasLabel & HasSize> void toLabel(F field) {
        fit(field, Stream.ofNullable(field.getLabel()), LABEL_INDENT);
    }

    public static <T> void toItems(Select<T> select) {
        ItemLabelGenerator<T> label = select.getItemLabelGenerator();
        fit(select, select.getListDataView().getItems().map(item -> label == null ? String.valueOf(item) : label.apply(item)),
                SELECT_BUTTON);
    }

    private static void fit(HasSize field, Stream<String> labels, String buttons) {
        int longest = labels.mapToInt(String::length).max().orElse(0);
        // "ch" is the width of a digit in the field's own font: close to a letter's, so the text fits in either language.
        field.setWidth("max(var(--vaadin-field-default-width, 12em), calc(" + longest + "ch + " + buttons + "))");
        field.setMaxWidth("100%");
    }
}
