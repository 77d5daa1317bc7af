package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.textfield.TextField;

/** The 6-digit code from the e-mail: digits only, the phone's numeric keypad and its one-time-code autofill. */
class OtpField extends TextField {

    OtpField() {
        setLabel(getTranslation("bds.otp"));
        setMaxLength(6);
        setAllowedCharPattern("[0-9]");
        getElement().setAttribute("autocomplete", "one-time-code");
        getElement().setAttribute("inputmode", "numeric");
        setWidthFull();
    }
}
