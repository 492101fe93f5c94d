package jp.iotcert.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The disclosure catalogue, kept as data the certification body edits: a JSON file (by default the
 * one in src/main/resources/catalogue, or any file named by iotcert.disclosure-catalogue), read at
 * start and checked, so a broken edit stops the start-up instead of reaching applicants.
 */
@Component
public class DisclosureCatalogue {

  /**
   * 開示情報の時点: the item whose value is the disclosure date published beside the certification date
   * (第11条), so its value must be a date and the register's disclosure date follows it.
   */
  public static final String DISCLOSURE_DATE_ITEM = "B-01";

  /** The message for a value of {@code itemId} that breaks the item's form, or empty: the disclosure date must be an ISO date. */
  public static Optional<String> invalidValue(String itemId, String value) {
    if (!DISCLOSURE_DATE_ITEM.equals(itemId) || disclosureDate(itemId, value).isPresent()) {
      return Optional.empty();
    }
    return Optional.of("開示情報の時点（" + DISCLOSURE_DATE_ITEM + "）は日付（例: 2026-11-01）で記入してください");
  }

  /** The disclosure date a value states, when {@code itemId} is the disclosure-date item and the value is a date. */
  public static Optional<LocalDate> disclosureDate(String itemId, String value) {
    if (!DISCLOSURE_DATE_ITEM.equals(itemId) || value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private final Map<String, DisclosureItem> items;

  public DisclosureCatalogue(@Value("${iotcert.disclosure-catalogue}") Resource source, ObjectMapper json)
      throws IOException {
    try (InputStream in = source.getInputStream()) {
      List<DisclosureItem> list = json.readValue(in, new TypeReference<>() {});
      this.items = index(list, source.getDescription());
    }
  }

  private static Map<String, DisclosureItem> index(List<DisclosureItem> list, String source) {
    Map<String, DisclosureItem> byId = new LinkedHashMap<>();
    for (DisclosureItem item : list) {
      if (item.itemId() == null || item.itemId().isBlank() || item.name() == null || item.category() == null) {
        throw new IllegalStateException("Disclosure catalogue " + source + ": every item needs itemId, category and name");
      }
      if (byId.put(item.itemId(), item) != null) {
        throw new IllegalStateException("Disclosure catalogue " + source + ": item " + item.itemId() + " appears twice");
      }
    }
    if (byId.isEmpty()) {
      throw new IllegalStateException("Disclosure catalogue " + source + " is empty");
    }
    return Collections.unmodifiableMap(byId);
  }

  public List<DisclosureItem> all() {
    return List.copyOf(items.values());
  }

  public Optional<DisclosureItem> find(String itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  public boolean contains(String itemId) {
    return items.containsKey(itemId);
  }

  /** The mandatory (必須) items that the given disclosure does not fill. */
  public List<DisclosureItem> missingMandatory(Set<String> disclosedItemIds) {
    Set<String> disclosed = new HashSet<>(disclosedItemIds);
    return items.values().stream().filter(DisclosureItem::mandatory).filter(i -> !disclosed.contains(i.itemId())).toList();
  }
}
