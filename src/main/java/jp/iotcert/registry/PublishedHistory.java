package jp.iotcert.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.certification.PublishedDisclosure;

/**
 * Which lines of a certification's history (certification_event) are public, and how they read.
 * Only the kinds below are published: investigations, emergencies, revocation cases that were not
 * taken and certificate returns are confidential case work (第20条) and never leave the server. The
 * stored detail is not published as it is: a disclosure change names only the items that are
 * published now (a change of a withheld item, 第11条2, shows nowhere), and a revocation only the
 * article numbers of its grounds.
 */
final class PublishedHistory {

  /** Event name to its public wording, in the order the feed documents them. */
  static final Map<String, String> KINDS = Map.of(
      "CERTIFIED", "認定",
      "IMPORTED", "認定（旧台帳からの登録）",
      "RENEWED", "更新の認定",
      "RENEWAL_UNDER_REVIEW", "有効期間の満了後、更新審査中のため引き続き有効（第12条第2項）",
      "DISCLOSURE_CHANGED", "開示内容の変更（第13条）",
      "IMPROVEMENT_REQUEST_PUBLISHED", "改善要請の公表（第16条第2項）",
      "EXPIRED", "有効期間満了",
      "LAPSED", "失効（第9条第2項）",
      "TERMINATED", "終了（サービスの廃止等、第13条第2項）",
      "REVOKED", "取消し（第17条）");

  private static final Pattern ARTICLE = Pattern.compile("第17条第1項第[0-9０-９一二三四五六七八九]+号");
  private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

  private PublishedHistory() {}

  static boolean published(String event) {
    return KINDS.containsKey(event);
  }

  /** The public description of a history line; null for lines that are not published. */
  static String describe(String event, String detail, List<PublishedDisclosure.Item> publishedItems,
      ObjectMapper json) {
    String wording = KINDS.get(event);
    if (wording == null) {
      return null;
    }
    return switch (event) {
      case "DISCLOSURE_CHANGED" -> {
        List<String> names = changedItemNames(detail, publishedItems, json);
        yield names.isEmpty() ? wording : wording + "：" + String.join("、", names);
      }
      case "EXPIRED" -> "更新が認められず終了".equals(detail) ? "有効期間満了（更新が認められず終了）" : wording;
      case "REVOKED" -> {
        List<String> articles = articles(detail);
        yield articles.isEmpty() ? wording : "取消し（" + String.join("、", articles) + "、第17条第3項により公表）";
      }
      default -> wording;
    };
  }

  /** The articles of 第17条1 named in a revocation's recorded grounds, nothing else of them. */
  static List<String> articles(String detail) {
    Set<String> found = new LinkedHashSet<>();
    if (detail != null) {
      Matcher m = ARTICLE.matcher(detail);
      while (m.find()) {
        found.add(m.group());
      }
    }
    return List.copyOf(found);
  }

  private static List<String> changedItemNames(String changesJson, List<PublishedDisclosure.Item> publishedItems,
      ObjectMapper json) {
    List<String> names = new ArrayList<>();
    try {
      List<Map<String, String>> changes = changesJson == null ? List.of() : json.readValue(changesJson, ROWS);
      Set<String> changed = new LinkedHashSet<>();
      for (Map<String, String> c : changes == null ? List.<Map<String, String>>of() : changes) {
        changed.add(c.get("itemId"));
      }
      for (PublishedDisclosure.Item item : publishedItems) {
        if (changed.contains(item.itemId())) {
          names.add(item.name());
        }
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Not a list of changes: the line says only that the disclosure changed.
    }
    return names;
  }
}
