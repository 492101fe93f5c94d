package jp.iotcert.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public registry (第11条): what is published of each certification. Items whose publication
 * was withheld on the applicant's justified request (第11条2) never appear; ended certifications keep
 * their entry with their status (第11条3, 第17条3).
 */
@Service
public class Registry {

  private final CertificationRegister register;
  private final DisclosureCatalogue catalogue;
  private final ObjectMapper json;
  private final String publicBaseUrl;
  private final jp.iotcert.oversight.ImprovementRequests improvements;

  public Registry(CertificationRegister register, DisclosureCatalogue catalogue, ObjectMapper json,
      jp.iotcert.oversight.ImprovementRequests improvements, @Value("${iotcert.public-base-url}") String publicBaseUrl) {
    this.improvements = improvements;
    this.register = register;
    this.catalogue = catalogue;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl;
  }

  public List<RegistryEntry> search(String text, CertificationStatus status) {
    return register.search(text, status).stream().map(this::entry).toList();
  }

  public java.util.Optional<RegistryEntry> find(String certificationNumber) {
    return register.find(certificationNumber).map(this::entry);
  }

  public RegistryEntry entry(Certification c) {
    Set<String> withheld = read(c.withheldJson(), new TypeReference<List<Map<String, String>>>() {}).stream()
        .map(w -> w.get("itemId")).collect(Collectors.toSet());
    Map<String, String> values = read(c.disclosureJson(), new TypeReference<List<Map<String, String>>>() {}).stream()
        .collect(Collectors.toMap(v -> v.get("itemId"), v -> v.get("value"), (a, b) -> b));
    List<RegistryEntry.PublishedItem> published = catalogue.all().stream()
        .filter(i -> values.containsKey(i.itemId()) && !withheld.contains(i.itemId()))
        .map((DisclosureItem i) -> new RegistryEntry.PublishedItem(i.itemId(), i.category(), i.name(), values.get(i.itemId())))
        .toList();
    return new RegistryEntry(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(),
        c.firstCertifiedOn(), c.certifiedOn(), c.validUntil(), c.disclosureDate(), c.status().name(), c.endedOn(),
        published, improvements.published(c.certificationNumber()).stream()
            .map(r -> new RegistryEntry.PublishedImprovementRequest(r.requestedOn(), r.content(), r.deadline(), r.status()))
            .toList(),
        verificationUrl(c.certificationNumber()));
  }

  /** The body's verification URL for a certification (第10条4): online use of the mark links here. */
  public String verificationUrl(String certificationNumber) {
    return publicBaseUrl + "/registry/" + certificationNumber.replace(" ", "%20");
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      T parsed = json.readValue(value == null ? "[]" : value, type);
      return parsed != null ? parsed : json.readValue("[]", type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
