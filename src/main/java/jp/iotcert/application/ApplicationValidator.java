package jp.iotcert.application;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.CorporateNumber;
import jp.iotcert.common.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks an application at the door, field by field, so the applicant gets every problem at once.
 * Completeness against the catalogue's mandatory items is not checked here: a missing item is
 * asked for by a supplement request (第4条), not refused.
 */
@Component
public class ApplicationValidator {

  /** 申請書B item 1, 開示情報の時点: a date, published beside the certification date. */

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9-]{8,18}[0-9]$");

  private final DisclosureCatalogue catalogue;

  public ApplicationValidator(DisclosureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public List<FieldError> validate(ApplicationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    ApplicationType type = enumValue(ApplicationType.class, request.type(), "type", "申請種別（NEW または RENEWAL）", errors);
    enumValue(Channel.class, request.channel(), "channel", "申請経路（ONLINE または POST）", errors);
    if (type == ApplicationType.RENEWAL) {
      if (blank(request.certificationNumber())) {
        errors.add(new FieldError("certificationNumber", "更新申請には認定番号が必要です"));
      }
      if (request.markUseDeclaration() == null || request.markUseDeclaration().compliant() == null) {
        errors.add(new FieldError("markUseDeclaration.compliant", "認定マークの使用に関する自己申告（第10条第7項）が必要です"));
      }
      if (request.markUseDeclaration() != null) {
        text(request.markUseDeclaration().statement(), "markUseDeclaration.statement", "自己申告の内容", 2000, errors);
      }
    }
    if (type == ApplicationType.NEW && request.certificationNumber() != null) {
      errors.add(new FieldError("certificationNumber", "新規申請には認定番号を指定できません"));
    }
    if (type == ApplicationType.NEW && request.markUseDeclaration() != null) {
      errors.add(new FieldError("markUseDeclaration", "認定マーク使用の自己申告は更新申請でのみ指定します"));
    }

    if (request.provider() == null) {
      errors.add(new FieldError("provider", "事業者情報は必須です"));
    } else {
      String number = request.provider().corporateNumber();
      if (blank(number)) {
        errors.add(new FieldError("provider.corporateNumber", "法人番号は必須です"));
      } else if (!number.matches("\\d{13}")) {
        errors.add(new FieldError("provider.corporateNumber", "法人番号は13桁の数字です"));
      } else if (!CorporateNumber.isValid(number)) {
        errors.add(new FieldError("provider.corporateNumber", "法人番号のチェックデジットが正しくありません"));
      }
      text(request.provider().name(), "provider.name", "事業者名", 200, errors);
      text(request.provider().address(), "provider.address", "本店所在地", 400, errors);
      text(request.provider().representative(), "provider.representative", "代表者氏名", 200, errors);
    }

    if (request.contact() == null) {
      errors.add(new FieldError("contact", "連絡先は必須です"));
    } else {
      text(request.contact().name(), "contact.name", "担当者名", 200, errors);
      if (text(request.contact().email(), "contact.email", "メールアドレス", 254, errors)
          && !EMAIL.matcher(request.contact().email()).matches()) {
        errors.add(new FieldError("contact.email", "メールアドレスの形式が正しくありません"));
      }
      if (text(request.contact().phone(), "contact.phone", "電話番号", 32, errors)
          && !PHONE.matcher(request.contact().phone()).matches()) {
        errors.add(new FieldError("contact.phone", "電話番号は数字とハイフンで入力してください"));
      }
    }

    if (request.service() == null) {
      errors.add(new FieldError("service", "サービス情報は必須です"));
    } else {
      text(request.service().name(), "service.name", "サービス名称", 200, errors);
      text(request.service().description(), "service.description", "サービスの概要", 4000, errors);
      if (!blank(request.service().url()) && request.service().url().length() > 500) {
        errors.add(new FieldError("service.url", "サービスのURLは500文字以内で入力してください"));
      } else if (!blank(request.service().url()) && !isHttpUrl(request.service().url())) {
        errors.add(new FieldError("service.url", "サービスのURLは http:// または https:// で始まるURLです"));
      }
    }

    validateDisclosure(request.disclosure(), request.withheldItems(), Set.of(), errors);
    return errors;
  }

  /**
   * Also used for the disclosure items of a supplement, where `alreadyDisclosed` holds the items
   * of the stored application (a withheld item may refer to them).
   */
  public void validateDisclosure(List<DisclosureValue> disclosure, List<WithheldItem> withheld,
      Set<String> alreadyDisclosed, List<FieldError> errors) {
    if (disclosure == null && alreadyDisclosed.isEmpty()) {
      errors.add(new FieldError("disclosure", "開示情報（disclosure）は必須です"));
    }
    Set<String> disclosed = new HashSet<>();
    List<DisclosureValue> values = disclosure == null ? List.of() : disclosure;
    for (int i = 0; i < values.size(); i++) {
      DisclosureValue value = values.get(i);
      String field = "disclosure[" + i + "]";
      if (value == null || blank(value.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目IDは必須です"));
        continue;
      }
      if (!catalogue.contains(value.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目ID「" + value.itemId() + "」は開示項目一覧にありません"));
      } else if (!disclosed.add(value.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目ID「" + value.itemId() + "」が重複しています"));
      }
      if (text(value.value(), field + ".value", "開示内容", 4000, errors)) {
        DisclosureCatalogue.invalidValue(value.itemId(), value.value())
            .ifPresent(message -> errors.add(new FieldError(field + ".value", message)));
      }
    }
    Set<String> known = new HashSet<>(alreadyDisclosed);
    known.addAll(disclosed);
    List<WithheldItem> withheldItems = withheld == null ? List.of() : withheld;
    Set<String> withheldIds = new HashSet<>();
    for (int i = 0; i < withheldItems.size(); i++) {
      WithheldItem item = withheldItems.get(i);
      String field = "withheldItems[" + i + "]";
      if (item == null || blank(item.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目IDは必須です"));
        continue;
      }
      if (!known.contains(item.itemId()) && catalogue.contains(item.itemId())) {
        errors.add(new FieldError(field + ".itemId", "公表の留保を求める項目「" + item.itemId() + "」が開示情報にありません"));
      } else if (!catalogue.contains(item.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目ID「" + item.itemId() + "」は開示項目一覧にありません"));
      } else if (!withheldIds.add(item.itemId())) {
        errors.add(new FieldError(field + ".itemId", "項目ID「" + item.itemId() + "」が重複しています"));
      }
      text(item.reason(), field + ".reason", "公表を留保する理由（第11条2）", 2000, errors);
    }
  }

  private static boolean text(String value, String field, String label, int max, List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, label + "は必須です"));
      return false;
    }
    if (value.length() > max) {
      errors.add(new FieldError(field, label + "は" + max + "文字以内で入力してください"));
      return false;
    }
    return true;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String label,
      List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, label + "は必須です"));
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, label + "の値「" + value + "」は使えません"));
      return null;
    }
  }


  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
