package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.SearchText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's search in SQL over the stored search form of each certification ({@link SearchText}):
 * a literal partial match (LIKE with its wildcards escaped) on search_text, served on PostgreSQL by
 * the trigram index of changeset 022, the status filter (the status today, {@link StatusToday}), the order and one page, with the total of
 * matches from the same scan ({@code COUNT(*) OVER ()}) rather than a second query when there is a term. Only the numbers
 * are read here; the entries of the page are then read by number.
 */
@Repository
class RegistrySearch {

  /** The numbers of one page of matches, and how many matched in all. */
  record Matches(List<String> numbers, int total) {}

  private final JdbcClient jdbc;

  RegistrySearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The matches from {@code offset}, at most {@code limit}; total 0 also when the offset is past the last. */
  Matches find(String text, CertificationStatus status, LocalDate today, Registry.Sort sort, long offset, int limit) {
    String wanted = SearchText.normalize(text == null ? "" : text.strip());
    if (wanted.contains(SearchText.SEPARATOR)) {
      // No field holds it: it could only match across two fields.
      return new Matches(List.of(), 0);
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (status != null) {
      // The status as the public reads it today (第11条3), not only as stored: StatusToday.
      StatusToday.Condition condition = StatusToday.where(status, today);
      where.append(" AND ").append(condition.sql());
      params.addAll(condition.params());
    }
    if (!wanted.isEmpty()) {
      where.append(" AND search_text LIKE ? ESCAPE '\\'");
      params.add("%" + escape(wanted) + "%");
    }
    // With a term, the count comes from the same scan: every candidate row is read for LIKE anyway. Without
    // one, a window count would read all 100,000 rows for a page of 20; an indexed count is far cheaper.
    boolean windowCount = !wanted.isEmpty();
    String sql = "SELECT certification_number" + (windowCount ? ", COUNT(*) OVER () AS total" : "")
        + " FROM certification" + where + " ORDER BY " + orderBy(sort) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(offset);
    pageParams.add(limit);
    List<String> numbers = new ArrayList<>();
    int[] total = {0};
    jdbc.sql(sql).params(pageParams).query(rs -> {
      numbers.add(rs.getString("certification_number"));
      if (windowCount) {
        total[0] = rs.getInt("total");
      }
    });
    if (!windowCount) {
      total[0] = jdbc.sql("SELECT COUNT(*) FROM certification" + where).params(params).query(Integer.class).single();
    }
    return new Matches(numbers, total[0]);
  }

  /** The term taken literally: a % or _ typed by the user is no wildcard. */
  static String escape(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The page's 並び順; the serial breaks ties so that pages never overlap. */
  private static String orderBy(Registry.Sort sort) {
    return switch (sort == null ? Registry.Sort.NUMBER : sort) {
      case NUMBER -> "serial";
      case NUMBER_DESC -> "serial DESC";
      case SERVICE -> "search_service, serial";
      case PROVIDER -> "search_provider, serial";
      case CERTIFIED_DESC -> "certified_on DESC, serial";
      case VALID_UNTIL -> "valid_until, serial";
    };
  }
}
