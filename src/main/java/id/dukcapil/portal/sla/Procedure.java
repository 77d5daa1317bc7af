package id.dukcapil.portal.sla;

import java.util.Arrays;
import java.util.List;

/** The five SOPs of SOP.md. */
public enum Procedure {
    /** SOP A: booking a queue slot to print a KTP-el. */
    A_BOOKING,
    /** SOP B: family-card print request through IKD. */
    B_KK_PRINT,
    /** SOP C: KTP-el biometric recording at a UKL. */
    C_RECORDING,
    /** SOP D: recording at school. */
    D_SCHOOL_VISIT,
    /** SOP E: digital-ID activation at the office. */
    E_IKD_ACTIVATION;

    public static final int CODE_MAX_LENGTH = 20;

    /** Its steps in SOP order. */
    public List<SopStep> steps() {
        return Arrays.stream(SopStep.values()).filter(step -> step.procedure() == this).toList();
    }

    /** Translation key of its name. */
    public String labelKey() {
        return "sla.procedure." + name();
    }
}
