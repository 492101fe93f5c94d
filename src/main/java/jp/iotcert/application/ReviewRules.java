package jp.iotcert.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * The review against the review criteria (第6条; the criteria are the disclosure items of 申請書B
 * that 第11条 publishes): a review states a result (適合 or 不適合) and findings; 適合 needs every
 * mandatory item the checklist offered checked as conforming; 不適合 names the catalogue items that
 * do not conform. 「すべて適合（例外のみ外す）」 counts every offered item as checked except the
 * exceptions the reviewer picked, so that a reviewer need not tick each of some 35 items.
 */
@Service
public class ReviewRules {

  public static final String CONFORMING = "CONFORMING";
  public static final String NON_CONFORMING = "NON_CONFORMING";

  /**
   * What the reviewer submitted.
   *
   * @param nonConformingItems item ids as typed (separated by commas, 「、」 or spaces), "" when none
   * @param conformingItems the items ticked as conforming
   * @param offeredItems the items the checklist offered (those this application discloses); empty: all
   */
  public record Review(String result, String findings, String nonConformingItems, Set<String> conformingItems,
      Set<String> offeredItems, boolean allConforming, Set<String> exceptions) {

    /** A review that ticked its items one by one. */
    public Review(String result, String findings, String nonConformingItems, Set<String> conformingItems,
        Set<String> offeredItems) {
      this(result, findings, nonConformingItems, conformingItems, offeredItems, false, Set.of());
    }
  }

  private final DisclosureCatalogue catalogue;

  public ReviewRules(DisclosureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** @throws FormRuleViolation naming the field and saying, in Japanese, what to correct */
  public void check(Review review) {
    check(review, catalogue.all());
  }

  /**
   * The items the review counts as conforming: with 「すべて適合」 every offered item (every catalogue
   * item when the offer is unknown) but the exceptions, otherwise the items ticked one by one.
   */
  public static Set<String> conformingItems(Review review, Collection<DisclosureItem> catalogue) {
    if (!review.allConforming()) {
      return review.conformingItems();
    }
    Set<String> items = new TreeSet<>(offerable(review, catalogue));
    items.removeAll(review.exceptions());
    return items;
  }

  /** {@link #conformingItems(Review, Collection)} against this catalogue. */
  public Set<String> conformingItems(Review review) {
    return conformingItems(review, catalogue.all());
  }

  private static Set<String> offerable(Review review, Collection<DisclosureItem> catalogue) {
    return review.offeredItems().isEmpty()
        ? Set.copyOf(catalogue.stream().map(DisclosureItem::itemId).toList()) : review.offeredItems();
  }

  /** The rule against a given catalogue. */
  public static void check(Review review, Collection<DisclosureItem> catalogue) {
    String result = review.result() == null ? "" : review.result();
    if (!CONFORMING.equals(result) && !NON_CONFORMING.equals(result)) {
      throw new FormRuleViolation(ApplicationProcess.REVIEW_RESULT, "審査結果（適合・不適合）を選んでください。");
    }
    String findings = review.findings() == null ? "" : review.findings().strip();
    if (findings.isEmpty()) {
      throw new FormRuleViolation(ApplicationProcess.REVIEW_FINDINGS, "審査所見を記入してください。");
    }
    if (findings.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.REVIEW_FINDINGS,
          "審査所見は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    if (review.allConforming()) {
      Set<String> offerable = offerable(review, catalogue);
      for (String id : review.exceptions()) {
        if (!offerable.contains(id)) {
          throw new FormRuleViolation(ApplicationProcess.CONFORMING_EXCEPTIONS,
              "例外の項目ID「" + id + "」は審査基準の一覧にありません。");
        }
      }
    }
    if (NON_CONFORMING.equals(result)) {
      String items = review.nonConformingItems() == null ? "" : review.nonConformingItems().strip();
      if (items.isEmpty()) {
        throw new FormRuleViolation(ApplicationProcess.NON_CONFORMING_ITEMS,
            "不適合の場合は、審査基準に適合しない項目IDを記入してください。");
      }
      Set<String> known = Set.copyOf(catalogue.stream().map(DisclosureItem::itemId).toList());
      for (String id : items.split("[,、\\s]+")) {
        if (!id.isBlank() && !known.contains(id.strip())) {
          throw new FormRuleViolation(ApplicationProcess.NON_CONFORMING_ITEMS,
              "項目ID「" + id.strip() + "」は開示項目一覧にありません。");
        }
      }
    } else {
      Set<String> offered = review.offeredItems();
      Set<String> conforming = conformingItems(review, catalogue);
      List<String> unchecked = catalogue.stream().filter(DisclosureItem::mandatory).map(DisclosureItem::itemId)
          .filter(id -> offered.isEmpty() || offered.contains(id))
          .filter(id -> !conforming.contains(id)).toList();
      if (!unchecked.isEmpty()) {
        throw new FormRuleViolation(ApplicationProcess.CONFORMING_ITEMS,
            "適合とするには、必須項目をすべて確認してチェックしてください（未確認: " + String.join(", ", unchecked) + "）。");
      }
    }
  }
}
