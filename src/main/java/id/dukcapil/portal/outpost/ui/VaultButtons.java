package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import id.dukcapil.portal.outpost.OutpostLock;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;

/**
 * The two buttons of the held work's sealed data, alike on every outpost screen: "Kunci" (the key leaves memory) and
 * "Daftarkan sandi saya" (the signed-in officer can open it after a restart too).
 */
final class VaultButtons {

    private VaultButtons() {
    }

    /** Locks the work's data now; {@code locked} redraws the screen (the unlock panel instead of the work). */
    static Button lock(OutpostLock vault, String id, Runnable locked) {
        Button lock = new Button(UI.getCurrent().getTranslation("outpost.action.lock"), VaadinIcon.LOCK.create());
        lock.setId(id);
        lock.addClickListener(click -> {
            vault.lock();
            Notifications.success(lock.getTranslation("outpost.lock.done"));
            locked.run();
        });
        return lock;
    }

    /** Adds the signed-in officer's slot, their Dinas password asked in a dialog. */
    static Button addSlot(OutpostLock vault, String id) {
        Button addSlot = new Button(UI.getCurrent().getTranslation("outpost.action.add-slot"),
                VaadinIcon.KEY.create());
        addSlot.setId(id);
        addSlot.addClickListener(click -> new PasswordDialog(addSlot.getTranslation("outpost.add-slot.title"),
                addSlot.getTranslation("outpost.add-slot.text"), addSlot.getTranslation("outpost.add-slot.confirm"),
                password -> {
                    vault.addSlot(password);
                    Notifications.success(addSlot.getTranslation("outpost.add-slot.done"));
                }).open());
        OpensDialog.button(addSlot);
        return addSlot;
    }
}
