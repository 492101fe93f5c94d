package jp.iotcert.certification;

import java.text.Normalizer;
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

  private SearchText() {}

  /**
   * The form both sides of a search are compared in: NFKC folds full-width Latin letters and digits
   * and half-width katakana into their usual forms (ＩｏＴ → IoT, ｶﾀｶﾅ → カタカナ), then lower case.
   */
  public static String normalize(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** What a search term is looked for in: number, service, provider, corporate number, description. */
  public static String of(String certificationNumber, String serviceName, String providerName, String corporateNumber,
      String serviceDescription) {
    return Stream.of(certificationNumber, serviceName, providerName, corporateNumber, serviceDescription)
        .map(SearchText::normalize).collect(Collectors.joining(SEPARATOR));
  }

  public static String of(Certification c) {
    return of(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(), c.serviceDescription());
  }
}
