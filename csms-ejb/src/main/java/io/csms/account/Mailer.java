package io.csms.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the CSMS's e-mails (the verification link) over SMTP, configured by {@code csms.mail.*}:
 * off the request thread, once the transaction that asked for the mail has committed. A mail that
 * cannot be sent is logged (never its link).
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** A verification link to send to {@code to}. */
    public record VerificationMail(String to, String token) {}

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "csms.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "csms.mail.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "csms.mail.smtp.starttls", defaultValue = "true")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "csms.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "csms.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "csms.mail.from", defaultValue = "no-reply@csms.local")
    String from;

    /** Where a verification link points: this URL with the token appended (the app's page, or the API). */
    @Inject
    @ConfigProperty(name = "csms.accounts.verification-url", defaultValue = "https://csms.local/verify?token=")
    String verificationUrl;

    void verification(@Observes(during = TransactionPhase.AFTER_SUCCESS) VerificationMail mail) {
        if (host.isEmpty()) {
            LOG.severe("E-mail verification is on but csms.mail.smtp.host is not set: no link sent to a new account");
            return;
        }
        executor.execute(() -> send(
                mail.to(),
                "Confirm your e-mail address",
                "Open this link to confirm the e-mail address of your charging account:\n\n" + verificationUrl
                        + mail.token() + "\n\nIf you did not sign up, ignore this mail.\n"));
    }

    private void send(String to, String subject, String text) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        Authenticator login = null;
        if (user.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password.orElse(""));
                }
            };
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties, login));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject);
            message.setText(text, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.warning(
                    () -> "Could not send a mail to an account: " + e.getClass().getSimpleName());
        }
    }
}
