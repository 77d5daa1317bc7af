package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePointKind;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One of the office's service points (the Dinas, an MPP, a UKL): made by the demo or an administrator, read by every
 * module as its {@link ServicePoint} record. Its code and kind stay what they were made with (other modules keep the
 * code, and a kind decides hours and capacity); an administrator edits its name, kecamatan and address.
 */
@Entity
@Table(name = "staff_service_point")
public class ServicePointEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private ServicePointKind kind;
    private @Nullable String districtCode;
    private @Nullable String address;
    private boolean active = true;
    @Version
    private long version;

    protected ServicePointEntity() {
        this.code = "";
        this.name = "";
        this.kind = ServicePointKind.DINAS;
    }

    public ServicePointEntity(String code, String name, ServicePointKind kind, @Nullable String districtCode,
                              @Nullable String address) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.districtCode = districtCode;
        this.address = address;
    }

    /** The administrator's edit: what citizens and staff read of the point. */
    public void edit(String name, @Nullable String districtCode, @Nullable String address) {
        this.name = name;
        this.districtCode = districtCode;
        this.address = address;
    }

    public ServicePoint toRecord() {
        return new ServicePoint(id(), code, name, kind, districtCode, address);
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    public String code() {
        return code;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
