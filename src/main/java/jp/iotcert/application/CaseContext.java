package jp.iotcert.application;

import java.time.LocalDate;
import jp.iotcert.application.ApplicationRequest.MarkUseDeclaration;
import jp.iotcert.common.Markdown;

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
    StringBuilder note = new StringBuilder("**更新申請です。**認定番号 ")
        .append(Markdown.inline(certificationNumber)).append(" の更新（有効期間 ")
        .append(japanese(validUntil)).append(" まで）。\n")
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

  static String japanese(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }
}
