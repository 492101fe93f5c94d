package jp.iotcert.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
