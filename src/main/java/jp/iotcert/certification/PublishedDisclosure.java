package jp.iotcert.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.iotcert.catalogue.DisclosureCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What of a certification may be published (第11条): its disclosure items in catalogue order, without
 * every item the applicant justifiably asked to withhold (第11条2); and the body's verification URL of
 * the certification (第10条4), to which online use of the mark links. The public registry and the
 * provider's own view both read this, so a withheld value has one gate.
 */
@Service
public class PublishedDisclosure {

  /** One published disclosure item. */
  public record Item(String itemId, String category, String name, String value) {}

  /**
   * 「サービスの内容・範囲」 of the disclosure catalogue: the entry's summary (the registry page's
   * サービスの概要) and the description the registry search looks in ({@link SearchText}), when published.
   */
  public static final String SUMMARY_ITEM = "B-16";

  private static final TypeReference<List<Map<String, String>>> ROWS = new TypeReference<>() {};

  private final DisclosureCatalogue catalogue;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  public PublishedDisclosure(DisclosureCatalogue catalogue, ObjectMapper json,
      @Value("${iotcert.public-base-url}") String publicBaseUrl) {
    this.catalogue = catalogue;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** 第11条1–2: the items published for the certification, withheld ones left out. */
  public List<Item> items(Certification c) {
    Set<String> withheld = rows(c.withheldJson()).stream().map(w -> w.get("itemId")).collect(Collectors.toSet());
    Map<String, String> values = rows(c.disclosureJson()).stream()
        .collect(Collectors.toMap(v -> v.get("itemId"), v -> v.get("value"), (a, b) -> b));
    return catalogue.all().stream()
        .filter(i -> values.containsKey(i.itemId()) && !withheld.contains(i.itemId()))
        .map(i -> new Item(i.itemId(), i.category(), i.name(), values.get(i.itemId())))
        .toList();
  }

  /** 第10条4: the verification URL of a certification. */
  public String verificationUrl(String certificationNumber) {
    return publicBaseUrl + "/registry/" + certificationNumber.replace(" ", "%20");
  }

  private List<Map<String, String>> rows(String value) {
    try {
      List<Map<String, String>> parsed = json.readValue(value == null ? "[]" : value, ROWS);
      return parsed != null ? parsed : List.of();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
