package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.Kit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A field team's equipment kit, kept at a service point; its code is the planner's. */
@Entity
@Table(name = "schoolvisit_kit")
public class KitEntity {

    @Id
    private String code;
    private String name;
    private String servicePoint;
    private boolean underRepair;
    private @Nullable String repairNote;
    @Version
    private long version;

    protected KitEntity() {
        this.code = "";
        this.name = "";
        this.servicePoint = "";
    }

    public KitEntity(Kit kit) {
        this.code = kit.code();
        this.name = kit.name();
        this.servicePoint = kit.servicePoint();
        edit(kit);
    }

    /** The kit as the planner saved it: its name, its point, whether it is under repair and why. */
    public void edit(Kit kit) {
        this.name = kit.name();
        this.servicePoint = kit.servicePoint();
        this.underRepair = kit.underRepair();
        this.repairNote = kit.repairNote();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Kit toRecord() {
        return new Kit(code, name, servicePoint, underRepair, repairNote);
    }
}
