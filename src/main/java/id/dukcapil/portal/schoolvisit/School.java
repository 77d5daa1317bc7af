package id.dukcapil.portal.schoolvisit;

import org.jspecify.annotations.Nullable;

/** A school the field teams visit; its service point's team and blank cards serve it. */
public record School(long id, String npsn, String name, SchoolLevel level, String address, String villageCode,
                     String contactName, String contactPhone, @Nullable String contactEmail, String servicePoint,
                     int version) {

    public static final int NPSN_LENGTH = 8;
    public static final int NAME_MAX_LENGTH = 100;
    public static final int ADDRESS_MAX_LENGTH = 200;
    public static final int PHONE_MAX_LENGTH = 20;
    public static final int EMAIL_MAX_LENGTH = 100;
}
