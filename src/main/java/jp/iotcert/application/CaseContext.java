package jp.iotcert.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.MarkUseDeclaration;
import jp.iotcert.common.Markdown;
import jp.iotcert.common.TaskInput;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.JapaneseDates;

/**
 * The context a person deciding on an application needs, as Markdown for the forms' text views
 * (composed once in Java, never in a form; every value from outside made literal with {@link Markdown}).
 */
final class CaseContext {

  private CaseContext() {}

  /**
   * The line at the top of every form of a renewal (第12条): the certification renewed, the last day
   * of its validity, and the applicant's self-declaration on the use of the mark (第10条第7項).
   */
  static String renewalNote(String certificationNumber, LocalDate validUntil, MarkUseDeclaration declaration) {
    StringBuilder note = new StringBuilder("**更新申請です。** 認定番号 ")
        .append(Markdown.inline(certificationNumber)).append(" の更新（有効期間 ")
        .append(JapaneseDates.format(validUntil)).append(" まで）。\n")
        .append("認定マークの使用に関する自己申告（第10条第7項）: ");
    if (declaration == null || declaration.compliant() == null) {
      note.append("なし");
    } else {
      note.append(declaration.compliant() ? "適正に使用している" : "適正に使用していない");
      String statement = Markdown.inline(declaration.statement());
      if (!statement.isEmpty()) {
        note.append(" — ").append(Markdown.clip(statement, 1000));
      }
    }
    return note.toString();
  }

  /**
   * What staff checking the completeness again need (第4条 supplements): the request the applicant
   * answered, the applicant's message, and what the supplement brought (documents, disclosure items).
   */
  static String supplementSummary(String requestMessage, Instant requestedAt, String answerMessage,
      List<UploadedDocument> documents, List<DisclosureValue> disclosure, boolean withheldChanged) {
    StringBuilder out = new StringBuilder("#### 補正の内容\n\n**補正依頼（")
        .append(JapaneseDates.format(LocalDate.ofInstant(requestedAt, BusinessCalendar.ZONE))).append("）**\n\n")
        .append(orNone(Markdown.clip(Markdown.text(strip(requestMessage)), TaskInput.MAX_TEXT / 2)))
        .append("\n\n**申請者からのメッセージ**\n\n")
        .append(orNone(Markdown.clip(Markdown.text(strip(answerMessage)), TaskInput.MAX_TEXT / 2)))
        .append("\n\n**新たに提出された書類**\n\n");
    if (documents.isEmpty()) {
      out.append("なし\n");
    }
    for (UploadedDocument d : documents) {
      out.append("- ").append(d.kind().label()).append(": ").append(Markdown.inline(d.fileName())).append('\n');
    }
    out.append("\n**補正された開示項目**: ");
    if (disclosure == null || disclosure.isEmpty()) {
      out.append("なし");
    } else {
      out.append(String.join("、", disclosure.stream().map(v -> Markdown.inline(v.itemId())).toList()));
    }
    if (withheldChanged) {
      out.append("（非開示の申出も改められました）");
    }
    return out.toString();
  }


  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  private static String orNone(String markdown) {
    return markdown.isEmpty() ? "（なし）" : markdown;
  }
}
