package io.csms.ocpp.v16;

/** OCPP 1.6 FirmwareStatusNotification.req. */
public record FirmwareStatusNotificationRequest(
        @Required
        @OneOf({"Downloaded", "DownloadFailed", "Downloading", "Idle", "InstallationFailed", "Installing", "Installed"})
        String status) {}
