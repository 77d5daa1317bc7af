package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.shared.ui.NumericKeypad;

/** The 6-digit code from the e-mail: digits only, the phone's numeric keypad and its one-time-code autofill. */
class OtpField extends TextField {

    OtpField() {
        setLabel(getTranslation("bds.otp"));
        setMaxLength(6);
        setAllowedCharPattern("[0-9]");
        NumericKeypad.oneTimeCode(this, 6);
        setWidthFull();
    }
}
