package id.dukcapil.portal.sla;

/**
 * The timed steps of the SOPs, named after SOP.md's rows. Rows that SOP.md times together ("(in 1)") are one step,
 * named after the first: B2 covers B2–B3, B4 covers B4–B5. The standard times live in the database
 * ({@link SlaStandards}), not here: ADMIN changes them.
 */
public enum SopStep {
    A1_OPEN_BDS(Procedure.A_BOOKING, "1"),
    A2_LOG_IN(Procedure.A_BOOKING, "2"),
    A3_REGISTER(Procedure.A_BOOKING, "3"),
    A4_ENTER_OTP(Procedure.A_BOOKING, "4"),
    A5_HOME(Procedure.A_BOOKING, "5"),
    A6_CHOOSE_SERVICE(Procedure.A_BOOKING, "6"),
    A7_PICK_DATE(Procedure.A_BOOKING, "7"),
    A8_TICKET(Procedure.A_BOOKING, "8"),
    B1_SIGN_IN_IKD(Procedure.B_KK_PRINT, "1"),
    B2_ENTER_PIN(Procedure.B_KK_PRINT, "2–3"),
    B4_REQUEST_FORM(Procedure.B_KK_PRINT, "4–5"),
    B6_OPERATOR_CHECK(Procedure.B_KK_PRINT, "6"),
    B7_VERIFICATION(Procedure.B_KK_PRINT, "7"),
    B8_SIGNATURE(Procedure.B_KK_PRINT, "8"),
    B9_QR_PIN_EMAIL(Procedure.B_KK_PRINT, "9"),
    B10_ADM_PRINT(Procedure.B_KK_PRINT, "10"),
    C1_DOCUMENTS_HANDED_OVER(Procedure.C_RECORDING, "1"),
    C2_REGISTRATION_CHECK(Procedure.C_RECORDING, "2"),
    C3_RECORDING(Procedure.C_RECORDING, "3"),
    C4_PROOF_HANDED_OVER(Procedure.C_RECORDING, "4"),
    D1_COORDINATION(Procedure.D_SCHOOL_VISIT, "1"),
    D2_PREPARATION_AND_VISIT(Procedure.D_SCHOOL_VISIT, "2"),
    D3_RECORDING_STATUS(Procedure.D_SCHOOL_VISIT, "3"),
    D4_SIAK_CHECK(Procedure.D_SCHOOL_VISIT, "4"),
    D5_SIAK_UPDATE(Procedure.D_SCHOOL_VISIT, "5"),
    D6_RECORDING(Procedure.D_SCHOOL_VISIT, "6"),
    D7_PRINT(Procedure.D_SCHOOL_VISIT, "7"),
    D8_HANDOVER(Procedure.D_SCHOOL_VISIT, "8"),
    E1_INSTALL_APP(Procedure.E_IKD_ACTIVATION, "1"),
    E2_REGISTER(Procedure.E_IKD_ACTIVATION, "2"),
    E3_SELFIE(Procedure.E_IKD_ACTIVATION, "3"),
    E4_SCAN_ACTIVATION_QR(Procedure.E_IKD_ACTIVATION, "4"),
    E5_PIN_EMAIL_ACTIVATE(Procedure.E_IKD_ACTIVATION, "5"),
    E6_ARCHIVE_AND_REPORT(Procedure.E_IKD_ACTIVATION, "6");

    public static final int CODE_MAX_LENGTH = 40;

    private final Procedure procedure;
    private final String sopRows;

    SopStep(Procedure procedure, String sopRows) {
        this.procedure = procedure;
        this.sopRows = sopRows;
    }

    public Procedure procedure() {
        return procedure;
    }

    /** The row numbers of SOP.md's table this step covers. */
    public String sopRows() {
        return sopRows;
    }

    public String labelKey() {
        return "sla.step." + name();
    }
}
