package jp.iotcert.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The registry's search form of a certification, stored with it on every write of the fields it covers
 * (certification.search_text, search_service, search_provider): NFKC and lower case, computed here in
 * Java because H2 and PostgreSQL have no common NFKC function. The registry then searches and sorts in
 * SQL (a trigram index on PostgreSQL) instead of normalizing every row of the register per request.
 */
public final class SearchText {

  /**
   * Between the fields of search_text, so that a term never matches across two fields (the search was
   * per field before). A control character: NFKC keeps it, no name contains it, and pg_trgm treats it
   * as a word boundary.
   */
  public static final String SEPARATOR = "\u001f";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

  private SearchText() {}

  /**
   * The form both sides of a search are compared in: NFKC folds full-width Latin letters and digits
   * and half-width katakana into their usual forms (ＩｏＴ → IoT, ｶﾀｶﾅ → カタカナ), then lower case.
   */
  public static String normalize(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /**
   * What a search term is looked for in: number, service, provider, corporate number, and the
   * description as published, which is the summary item 「サービスの内容・範囲」
   * ({@link PublishedDisclosure#SUMMARY_ITEM}) unless its publication is withheld (第11条2). The
   * application's own service description is not published (第11条1 publishes 申請書B), so it is not
   * searched either: a search must not tell whether unpublished text contains a term.
   */
  public static String of(String certificationNumber, String serviceName, String providerName, String corporateNumber,
      String publishedSummary) {
    return Stream.of(certificationNumber, serviceName, providerName, corporateNumber, publishedSummary)
        .map(SearchText::normalize).collect(Collectors.joining(SEPARATOR));
  }

  public static String of(Certification c) {
    return of(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(),
        publishedSummary(c.disclosureJson(), c.withheldJson()));
  }

  /** The value of the summary item in a disclosure, or null when there is none or it is withheld. */
  public static String publishedSummary(String disclosureJson, String withheldJson) {
    try {
      for (Map<String, String> w : rows(withheldJson)) {
        if (PublishedDisclosure.SUMMARY_ITEM.equals(w.get("itemId"))) {
          return null;
        }
      }
      return rows(disclosureJson).stream().filter(i -> PublishedDisclosure.SUMMARY_ITEM.equals(i.get("itemId")))
          .map(i -> i.get("value")).reduce((a, b) -> b).orElse(null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable disclosure of a certification", e);
    }
  }

  private static List<Map<String, String>> rows(String value) throws JsonProcessingException {
    List<Map<String, String>> parsed = value == null ? null : JSON.readValue(value, ROWS);
    return parsed == null ? List.of() : parsed;
  }
}
