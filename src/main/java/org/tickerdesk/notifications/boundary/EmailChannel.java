package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.notifications.control.DeliveryException;
import org.tickerdesk.notifications.control.NotificationChannel;
import org.tickerdesk.notifications.entity.Message;

/**
 * Mails each notification through an SMTP server (Jakarta Mail): {@code TICKERDESK_SMTP_HOST},
 * {@code _PORT} (25 unless given), {@code _USER} and {@code _PASSWORD} when the server wants a
 * login, {@code _FROM}, {@code _TO} (several separated by commas) and {@code _STARTTLS}. A silent
 * notification is marked {@code X-Tickerdesk-Silent: true} and of low importance, so a mail rule
 * can keep it quiet.
 */
@ApplicationScoped
public class EmailChannel implements NotificationChannel {

    static final int TIMEOUT_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.to")
    Optional<String> to;

    @Inject
    @ConfigProperty(name = "tickerdesk.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Override
    public String name() {
        return EMAIL;
    }

    @Override
    public boolean configured() {
        return present(host) && present(from) && present(to);
    }

    @Override
    public String target() {
        if (!configured()) {
            return "not configured: set TICKERDESK_SMTP_HOST, TICKERDESK_SMTP_FROM and"
                    + " TICKERDESK_SMTP_TO";
        }
        return to.get().strip()
                + " through "
                + host.get().strip()
                + ":"
                + port
                + (starttls ? " with STARTTLS" : "");
    }

    @Override
    public void deliver(Message message) throws DeliveryException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElseThrow().strip());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        boolean login = present(user);
        properties.put("mail.smtp.auth", Boolean.toString(login));
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Session session = Session.getInstance(properties);
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(from.orElseThrow().strip()));
            mail.setRecipients(RecipientType.TO, InternetAddress.parse(to.orElseThrow(), true));
            mail.setSubject("[Tickerdesk] " + message.title(), "UTF-8");
            mail.setSentDate(Date.from(message.createdAt()));
            mail.setText(body(message), "UTF-8");
            mail.setHeader("X-Tickerdesk-Notification", Long.toString(message.id()));
            mail.setHeader("X-Tickerdesk-Type", message.type().name());
            if (message.silent()) {
                mail.setHeader("X-Tickerdesk-Silent", "true");
                mail.setHeader("Importance", "low");
                mail.setHeader("X-Priority", "5");
            }
            if (login) {
                Transport.send(mail, user.get().strip(), password.orElse(""));
            } else {
                Transport.send(mail);
            }
        } catch (MessagingException e) {
            throw new DeliveryException("The mail could not be sent: " + e.getMessage(), e);
        }
    }

    /** The text, then what it is about for a reader who wants the ids. */
    static String body(Message message) {
        return message.text()
                + "\n\n"
                + message.type().label()
                + " at "
                + message.createdAt()
                + "\n"
                + message.payload()
                + "\n";
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
