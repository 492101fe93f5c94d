package jp.iotcert.notice;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.iotcert.common.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The default profile's mail catcher: an embedded SMTP server (GreenMail) on localhost that keeps
 * every mail the application sends and writes it, decoded, to iotcert.mail.catcher.directory as a
 * text file (To, Subject, body in Japanese) plus its attachments, so a newcomer reads the notices
 * with a text editor and a PDF viewer and installs nothing. Never in an installation
 * (iotcert.mail.catcher.enabled is false in the postgres profile): mail goes to the real server there.
 * A port already in use (a second instance) is logged and skipped, not fatal.
 */
@Component
@ConditionalOnProperty(name = "iotcert.mail.catcher.enabled", havingValue = "true")
public class MailCatcher implements InitializingBean, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MailCatcher.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 H時mm分（日本時間）");

  private final int port;
  private final Path directory;
  private GreenMail server;
  private int written;

  public MailCatcher(@Value("${iotcert.mail.catcher.port}") int port,
      @Value("${iotcert.mail.catcher.directory}") Path directory) {
    this.port = port;
    this.directory = directory;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    Files.createDirectories(directory);
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      LOG.warn("Mail catcher not started: port {} is in use ({}); mails go to whatever listens there", port,
          e.getMessage());
      return;
    }
    server = greenMail;
    LOG.info("Mail catcher: SMTP on 127.0.0.1:{}; every mail sent is written to {}", port, directory.toAbsolutePath());
  }

  /** Writes the mails received since the last round (package-private for tests). */
  @Scheduled(fixedDelay = 1000)
  synchronized void writeNewMails() {
    if (server == null) {
      return;
    }
    MimeMessage[] received = server.getReceivedMessages();
    for (; written < received.length; written++) {
      try {
        write(received[written], written + 1);
      } catch (Exception e) {
        LOG.warn("Mail catcher could not write mail {}", written + 1, e);
      }
    }
  }

  private void write(MimeMessage mail, int number) throws Exception {
    String name = LocalDateTime.now(BusinessCalendar.ZONE).format(FILE_TIME) + "-" + String.format("%04d", number);
    List<String> attachments = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    collect(mail, name, body, attachments);
    StringBuilder text = new StringBuilder();
    text.append("From: ").append(join(mail.getFrom())).append('\n');
    text.append("To: ").append(join(mail.getAllRecipients())).append('\n');
    text.append("Subject: ").append(mail.getSubject()).append('\n');
    // Japan time, as every date the users read (the header's own Date is the sender's clock in UTC).
    text.append("Date: ").append(mail.getSentDate() == null ? "" : mail.getSentDate().toInstant().atZone(BusinessCalendar.ZONE).format(HEADER_TIME))
        .append('\n');
    for (String a : attachments) {
      text.append("Attachment: ").append(a).append('\n');
    }
    text.append('\n').append(body.toString().replace("\r\n", "\n"));
    Files.writeString(directory.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
  }

  private void collect(Part part, String name, StringBuilder body, List<String> attachments) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, name, body, attachments);
      }
    } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      String file = name + "-" + (part.getFileName() == null ? "attachment" : part.getFileName().replaceAll("[\\\\/:]", "_"));
      try (InputStream in = part.getInputStream()) {
        Files.copy(in, directory.resolve(file));
      }
      attachments.add(file);
    } else if (part.isMimeType("text/*")) {
      body.append(part.getContent());
    }
  }

  private static String join(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    List<String> list = new ArrayList<>();
    for (Address a : addresses) {
      list.add(a.toString());
    }
    return String.join(", ", list);
  }

  @Override
  public void destroy() {
    writeNewMails();
    if (server != null) {
      server.stop();
    }
  }
}
