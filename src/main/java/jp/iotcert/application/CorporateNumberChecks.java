package jp.iotcert.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.JapaneseDates;
import jp.iotcert.common.Markdown;
import jp.iotcert.corporatenumber.CorporateNumberCheckRules;
import jp.iotcert.corporatenumber.CorporateNumberCheckRules.Outcome;
import jp.iotcert.corporatenumber.CorporateNumberCheckRules.Result;
import jp.iotcert.corporatenumber.NtaAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The existence checks of applications' corporate numbers (第4条第1項第2号), table
 * `corporate_number_check`: each check's outcome, reasons and the NTA's record, stored with the
 * application; and the staff's confirmation by the 登記事項証明書 when the check did not confirm.
 */
@Service
public class CorporateNumberChecks {

  /** A string variable holds at most 4,000 characters in the engine's tables. */
  private static final int FORM_TEXT_LIMIT = 3900;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H時mm分");

  private final JdbcClient jdbc;
  private final ApplicationRepository applications;
  private final CorporateNumberCheckRules rules;
  private final BusinessCalendar calendar;

  public CorporateNumberChecks(JdbcClient jdbc, ApplicationRepository applications, CorporateNumberCheckRules rules,
      BusinessCalendar calendar) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.rules = rules;
    this.calendar = calendar;
  }

  /** One check as stored; {@code renewal}: of a renewal application (第12条), which needs no 登記事項証明書. */
  public record Check(String corporateNumber, Outcome outcome, List<String> reasons, String ntaName,
      String ntaAddress, LocalDate ntaCloseDate, Instant checkedAt, String verifiedBy, Instant verifiedAt,
      boolean renewal) {

    public boolean confirmed() {
      return outcome == Outcome.CONFIRMED;
    }
  }

  /** Compares the NTA's answer with the application as stored now, and records the result. */
  public Check compare(String applicationNumber, NtaAnswer answer) {
    Application a = applications.get(applicationNumber);
    Result result = rules.compare(answer, a.providerName(), a.providerAddress());
    return store(a, result, answer.found() ? answer : null);
  }

  /** Records a check that did not reach the API: {@link Outcome#UNAVAILABLE} with why, or not configured. */
  public Check unchecked(String applicationNumber, Outcome outcome, String reason) {
    Application a = applications.get(applicationNumber);
    Result result = outcome == Outcome.NOT_CONFIGURED ? rules.notConfigured() : rules.unavailable(reason);
    return store(a, result, null);
  }

  /** The staff's confirmation by the 登記事項証明書, on the latest check. */
  public void verifiedByHand(String applicationNumber, String userId) {
    jdbc.sql("""
        UPDATE corporate_number_check SET verified_by = ?, verified_at = ?
        WHERE id = (SELECT MAX(id) FROM corporate_number_check WHERE application_number = ?)""")
        .params(userId, Timestamp.from(calendar.now()), applicationNumber).update();
  }

  /** The latest check (an application is checked again after each supplement). */
  public Optional<Check> latest(String applicationNumber) {
    return jdbc.sql("""
        SELECT c.corporate_number, c.outcome, c.reasons, c.nta_name, c.nta_address, c.nta_close_date,
               c.checked_at, c.verified_by, c.verified_at, a.type
        FROM corporate_number_check c JOIN application a ON a.application_number = c.application_number
        WHERE c.application_number = ? ORDER BY c.id DESC""")
        .param(applicationNumber)
        .query((rs, row) -> new Check(rs.getString("corporate_number"), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("reasons") == null ? List.of() : List.of(rs.getString("reasons").split("\n")),
            rs.getString("nta_name"), rs.getString("nta_address"), rs.getObject("nta_close_date", LocalDate.class),
            rs.getTimestamp("checked_at").toInstant(), rs.getString("verified_by"),
            rs.getTimestamp("verified_at") == null ? null : rs.getTimestamp("verified_at").toInstant(),
            ApplicationType.valueOf(rs.getString("type")) == ApplicationType.RENEWAL))
        .list().stream().findFirst();
  }

  /** Markdown for the staff's form 「申請書類を確認する」 (every value from outside as literal text). */
  public static String formText(Check check) {
    LocalDateTime at = LocalDateTime.ofInstant(check.checkedAt(), BusinessCalendar.ZONE);
    StringBuilder text = new StringBuilder("#### 法人の実在確認（国税庁 法人番号システム）\n\n")
        .append("**結果** ").append(check.outcome().label()).append("（")
        .append(JapaneseDates.format(at.toLocalDate())).append(" ").append(TIME.format(at)).append("）\n");
    if (check.ntaName() != null) {
      text.append("**国税庁の登録** ").append(Markdown.inline(check.ntaName())).append("／")
          .append(Markdown.inline(check.ntaAddress() == null ? "" : check.ntaAddress())).append("\n");
    }
    if (check.confirmed()) {
      text.append("\n法人番号・名称・所在地が申請と一致し、閉鎖されていません。");
    } else {
      text.append("\n");
      check.reasons().forEach(r -> text.append("- ").append(Markdown.inline(r)).append("\n"));
      text.append(check.renewal()
          ? "\n更新申請のため登記事項証明書は求めません。閉鎖や名称・所在地の違いがあれば、事業の譲渡・合併等による"
              + "失効（第9条第2項）や変更の届出（第13条）に当たらないか確認してください。"
          : "\n**登記事項証明書で法人の実在（名称・所在地・閉鎖されていないこと）を確認してください。**");
    }
    return Markdown.clip(text.toString(), FORM_TEXT_LIMIT);
  }

  private Check store(Application a, Result result, NtaAnswer found) {
    String reasons = result.reasons().isEmpty() ? null : clip(String.join("\n", result.reasons()), 4000);
    Instant now = calendar.now();
    jdbc.sql("""
        INSERT INTO corporate_number_check (application_number, corporate_number, outcome, reasons, nta_name,
          nta_address, nta_close_date, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.applicationNumber(), a.corporateNumber(), result.outcome().name(), reasons,
            found == null ? null : clip(found.name(), 500), found == null ? null : clip(found.address(), 1500),
            found == null ? null : found.closeDate(), Timestamp.from(now))
        .update();
    return latest(a.applicationNumber()).orElseThrow();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
