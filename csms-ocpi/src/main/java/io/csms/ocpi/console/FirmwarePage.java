package io.csms.ocpi.console;

import io.csms.files.FileTransfers;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Firmware images: upload one (with its version, and the signing certificate and signature a signed
 * update needs), see them with their SHA-256, remove one. A charger's page sends them.
 */
@Named
@ViewScoped
public class FirmwarePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FileTransfers files;

    @Inject
    ConsoleActions actions;

    private List<FileTransfers.Firmware> images = List.of();

    private transient Part file;
    private String version;
    private String signingCertificate;
    private String signature;

    @PostConstruct
    public void load() {
        images = files.firmware();
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            ConsoleActions.error("Choose a firmware file.");
            return;
        }
        if (file.getSize() > files.maxFirmwareBytes()) {
            ConsoleActions.error("The firmware file is larger than " + files.maxFirmwareBytes() + " bytes.");
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            ConsoleActions.error("The file could not be read: " + e.getMessage());
            return;
        }
        String name = file.getSubmittedFileName();
        try {
            FileTransfers.Firmware uploaded = files.upload(
                    name, version, content, signingCertificate, signature, actions.actor(), actions.address());
            ConsoleActions.info("Firmware " + uploaded.name() + " uploaded.");
            version = null;
            signingCertificate = null;
            signature = null;
        } catch (io.csms.platform.Refusal e) {
            ConsoleActions.error(e.getMessage());
        }
        load();
    }

    public void delete(long id) {
        actions.act(() -> files.deleteFirmware(id, actions.actor(), actions.address()), "Firmware image removed.");
        load();
    }

    public List<FileTransfers.Firmware> getImages() {
        return images;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getSigningCertificate() {
        return signingCertificate;
    }

    public void setSigningCertificate(String signingCertificate) {
        this.signingCertificate = signingCertificate;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }
}
