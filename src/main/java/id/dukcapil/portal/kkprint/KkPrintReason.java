package id.dukcapil.portal.kkprint;

/** Why a citizen asks for a new print of the family card: the reasons a Disdukcapil accepts for it. */
public enum KkPrintReason {
    BIRTH, DEATH, MEMBER_MOVED_IN, MEMBER_MOVED_OUT, FAMILY_SPLIT, MARRIAGE, DIVORCE,
    NAME_CHANGE, RELIGION_CHANGE, EDUCATION_CHANGE, OCCUPATION_CHANGE, MARITAL_STATUS_CHANGE,
    OTHER_DATA_CORRECTION, ADDRESS_CHANGE, DAMAGED, LOST;

    public static final int CODE_MAX_LENGTH = 30;

    public String labelKey() {
        return "kkprint.reason." + name();
    }
}
