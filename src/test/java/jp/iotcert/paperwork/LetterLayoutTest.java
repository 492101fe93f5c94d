package jp.iotcert.paperwork;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The letter's layout is staff's XHTML: values are escaped, the Japanese font is embedded whatever
 * family the layout names, and nothing is ever fetched, even from a layout that was never checked.
 */
class LetterLayoutTest {

  private static final LocalDate DATED = LocalDate.of(2026, 11, 30);
  private final NoticeLetterPdf letters = new NoticeLetterPdf(new DocumentFont(CertificatePdfTest.FONT));
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    // Whatever is asked for would be served: only the count of requests shows whether anything was fetched.
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("p { color: red; }")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aLayoutNamingResourcesByUrlMakesNoRequestWhenRendered() throws Exception {
    String url = "http://127.0.0.1:" + server.port();
    String layout = """
        <html xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <link rel="stylesheet" href="%1$s/letter.css"/>
        <style>
          @import url('%1$s/import.css');
          @font-face { font-family: 'Remote'; src: url('%1$s/font.ttf'); }
          body { background-image: url('%1$s/background.png'); font-family: 'Remote'; }
        </style>
        </head>
        <body>
        <img src="%1$s/x.png"/>
        <object data="%1$s/x.pdf" type="application/pdf"></object>
        <p>外部リソースのないレイアウト {{subject}}</p>
        <div style="white-space: pre-wrap">{{body}}</div>
        </body>
        </html>
        """.formatted(url);
    byte[] pdf = letters.render(letters.layout(layout), "【お知らせ】件名", "株式会社テスト 御中\n\n本文です。\n", DATED, "n-1");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("外部リソースのないレイアウト 【お知らせ】件名", "本文です。");
      assertThat(CertificatePdfTest.fonts(doc)).allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
    }
    assertThat(server.getAllServeEvents()).isEmpty();
    // And it would not have been saved: each of the loads is named to staff.
    assertThat(letters.problems(layout)).anySatisfy(p -> assertThat(p).contains("<link>"))
        .anySatisfy(p -> assertThat(p).contains("<img>")).anySatisfy(p -> assertThat(p).contains("<style>"))
        .anySatisfy(p -> assertThat(p).contains("<object>"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void valuesAreEscapedAndLineBreaksKept() throws Exception {
    String layout = """
        <html xmlns="http://www.w3.org/1999/xhtml"><body>
        <h1>{{subject}}</h1><div class="body" style="white-space: pre-wrap">{{body}}</div>
        </body></html>""";
    byte[] pdf = letters.render(letters.layout(layout), "<b>太字</b> & \"引用\"",
        "株式会社テスト 御中\n\n一行目 </div><img src=\"http://127.0.0.1:9/\"/>\n二行目\n", DATED, "n-2");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("<b>太字</b> & \"引用\"", "一行目 </div><img src=\"http://127.0.0.1:9/\"/>\n二行目");
    }
  }

  @Test
  void japaneseIsDrawnInTheEmbeddedFontWhateverFamilyTheLayoutNames() throws Exception {
    String layout = """
        <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
        body { font-family: 'Times New Roman', serif; } h1 { font-family: monospace; font-weight: bold; }
        </style></head><body><h1>{{subject}}</h1><p>{{body}}</p></body></html>""";
    assertThat(letters.problems(layout)).isEmpty();
    String long_ = "審査の結果、認定を実施しないこととしました。".repeat(12);
    byte[] pdf = letters.render(letters.layout(layout), "【審査結果通知】", long_, DATED, "n-3");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("【審査結果通知】").doesNotContain(Sheet.MISSING, "#");
      // Wrapped into several lines within the page, every character kept.
      assertThat(text.lines().filter(l -> l.contains("審査")).count()).isGreaterThan(2);
      assertThat(text.replaceAll("\\s", "")).contains(long_);
      assertThat(CertificatePdfTest.fonts(doc)).allSatisfy(f -> {
        assertThat(f.isEmbedded()).isTrue();
        assertThat(f.getName()).contains("IPAex");
      });
    }
  }

  @Test
  void malformedAndDoctypeLayoutsAreNamedInJapanese() {
    assertThat(letters.problems("<html><body><p>{{body}}</body></html>")).singleElement().asString()
        .contains("XHTMLとして正しくありません");
    assertThat(letters.problems("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body>&x;</body></html>"))
        .singleElement().asString().contains("DOCTYPE");
    assertThat(letters.problems("<div>{{body}}</div>")).singleElement().asString().contains("<html>");
    assertThat(letters.problems(NoticeLetterPdf.defaultLayout())).isEmpty();
  }

  /**
   * What would pass with the sample and break later: a placeholder in a comment (a real body holding
   * "--" makes the filled XML malformed, and every notice would fail), and processing instructions
   * (xml-stylesheet names a resource), before or inside the root.
   */
  @Test
  void placeholdersInCommentsAndProcessingInstructionsAreRefusedWhenSaved() {
    assertThat(letters.problems("<html><body><!-- {{body}} --><p>{{subject}}</p></body></html>"))
        .singleElement().asString().contains("コメント");
    assertThat(letters.problems("<?xml-stylesheet href=\"http://127.0.0.1:9/a.css\"?><html><body><p>{{body}}</p></body></html>"))
        .singleElement().asString().contains("処理命令");
    assertThat(letters.problems("<html><body><?xml-stylesheet href=\"a.css\"?><p>{{body}}</p></body></html>"))
        .singleElement().asString().contains("処理命令");
    assertThat(letters.problems("<html><body><!-- 事務局の注記 --><p>{{body}}</p></body></html>")).isEmpty();
  }
}
