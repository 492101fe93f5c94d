package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The default profile's catcher writes each mail decoded, Japanese readable, with its attachment beside it. */
class MailCatcherTest {

  @Test
  void writesEachMailAsReadableTextWithItsAttachment(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    MailCatcher catcher = new MailCatcher(port, dir);
    catcher.afterPropertiesSet();
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(port);
      MimeMessage mail = sender.createMimeMessage();
      MimeMessageHelper message = new MimeMessageHelper(mail, true, "UTF-8");
      message.setFrom("secretariat@iotcert.example.jp");
      message.setTo("sato@example.jp");
      message.setSubject("【認定通知】見守りクラウド（認定番号 IoT 0001-2703）");
      message.setText("株式会社サンプル 御中\n\n認定しました。\n");
      message.addAttachment("notice-CERTIFIED.pdf", new ByteArrayResource("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)),
          "application/pdf");
      sender.send(mail);
      MimeMessage second = sender.createMimeMessage();
      new MimeMessageHelper(second, "UTF-8").setTo("b@example.jp");
      second.setSubject("二通目", "UTF-8");
      second.setText("本文", "UTF-8");
      sender.send(second);

      catcher.writeNewMails();
      catcher.writeNewMails(); // nothing is written twice
    } finally {
      catcher.destroy();
    }
    List<Path> texts;
    try (Stream<Path> files = Files.list(dir)) {
      texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(texts).hasSize(2);
    String first = Files.readString(texts.get(0), StandardCharsets.UTF_8);
    assertThat(first).contains("To: sato@example.jp").contains("Subject: 【認定通知】見守りクラウド（認定番号 IoT 0001-2703）")
        .contains("株式会社サンプル 御中\n\n認定しました。").contains("Attachment: ")
        .containsPattern("Date: \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}時\\d{2}分（日本時間）");
    String attachment = first.lines().filter(l -> l.startsWith("Attachment: ")).findFirst().orElseThrow()
        .substring("Attachment: ".length());
    assertThat(attachment).endsWith("-notice-CERTIFIED.pdf");
    assertThat(Files.readString(dir.resolve(attachment), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
    assertThat(Files.readString(texts.get(1), StandardCharsets.UTF_8)).contains("Subject: 二通目").contains("本文");
  }
}
