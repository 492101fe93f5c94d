package jp.iotcert.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.PublishedDisclosure;
import jp.iotcert.oversight.ImprovementRequests;
import org.springframework.stereotype.Service;

/**
 * The public registry (第11条): what is published of each certification. Items whose publication
 * was withheld on the applicant's justified request (第11条2) never appear ({@link PublishedDisclosure});
 * ended certifications keep their entry with their status (第11条3, 第17条3).
 *
 * <p>Search is done here, in Java, on the normalized text ({@link RegistryText#normalize}: NFKC and
 * lower case on both sides), not in SQL: H2 and PostgreSQL have no common NFKC function, and the
 * register of one certification body holds hundreds to a few thousand entries, which a query reads
 * in milliseconds. Should it grow far beyond, a normalized search column maintained on write (a
 * Liquibase changeset) would replace the filter.
 */
@Service
public class Registry {

  /** How a result list may be ordered (the page's 並び順). */
  public enum Sort {
    NUMBER("認定番号順"), NUMBER_DESC("認定番号の新しい順"), SERVICE("サービス名順"), PROVIDER("事業者名順"),
    CERTIFIED_DESC("認定日の新しい順"), VALID_UNTIL("有効期間の末日が近い順");

    public final String label;

    Sort(String label) {
      this.label = label;
    }
  }

  /** One page of a search: the entries shown, the total found, and where the page is. */
  public record Page(List<RegistryEntry> entries, int total, int page, int pageCount, int size) {}

  private final CertificationRegister register;
  private final PublishedDisclosure disclosure;
  private final ImprovementRequests improvements;
  private final ObjectMapper json;

  public Registry(CertificationRegister register, PublishedDisclosure disclosure, ImprovementRequests improvements,
      ObjectMapper json) {
    this.register = register;
    this.disclosure = disclosure;
    this.improvements = improvements;
    this.json = json;
  }

  public List<RegistryEntry> search(String text, CertificationStatus status) {
    return matching(text, status, Sort.NUMBER).map(this::entry).toList();
  }

  /** A page (1-based, clamped to the pages there are) of the matching entries in the given order. */
  public Page page(String text, CertificationStatus status, Sort sort, int page, int size) {
    List<Certification> found = matching(text, status, sort).toList();
    int pageCount = (int) Math.max(1, ((long) found.size() + size - 1) / size);
    int current = Math.min(Math.max(1, page), pageCount);
    List<RegistryEntry> entries = found.stream().skip((long) (current - 1) * size).limit(size).map(this::entry).toList();
    return new Page(entries, found.size(), current, pageCount, size);
  }

  public Optional<RegistryEntry> find(String certificationNumber) {
    return register.find(certificationNumber).map(this::entry);
  }

  private Stream<Certification> matching(String text, CertificationStatus status, Sort sort) {
    String wanted = RegistryText.normalize(text == null ? "" : text.strip());
    return register.search(status).stream()
        .filter(c -> wanted.isEmpty() || Stream.of(c.serviceName(), c.providerName(), c.corporateNumber(),
                c.serviceDescription(), c.certificationNumber())
            .anyMatch(field -> RegistryText.normalize(field).contains(wanted)))
        .sorted(order(sort));
  }

  private static Comparator<Certification> order(Sort sort) {
    Comparator<Certification> bySerial = Comparator.comparingInt(Certification::serial);
    return switch (sort == null ? Sort.NUMBER : sort) {
      case NUMBER -> bySerial;
      case NUMBER_DESC -> bySerial.reversed();
      case SERVICE -> Comparator.comparing((Certification c) -> RegistryText.normalize(c.serviceName())).thenComparing(bySerial);
      case PROVIDER -> Comparator.comparing((Certification c) -> RegistryText.normalize(c.providerName())).thenComparing(bySerial);
      case CERTIFIED_DESC -> Comparator.comparing(Certification::certifiedOn, Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(bySerial);
      case VALID_UNTIL -> Comparator.comparing(Certification::validUntil, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(bySerial);
    };
  }

  RegistryEntry entry(Certification c) {
    List<PublishedDisclosure.Item> items = disclosure.items(c);
    List<CertificationRegister.Event> events = register.events(c.certificationNumber());
    List<RegistryEntry.PublishedEvent> history = events.stream()
        .filter(e -> PublishedHistory.published(e.event()))
        .map(e -> new RegistryEntry.PublishedEvent(e.effectiveOn(), e.event(),
            PublishedHistory.describe(e.event(), e.detail(), items, json)))
        .toList();
    RegistryEntry.Revocation revocation = c.status() != CertificationStatus.REVOKED ? null
        : new RegistryEntry.Revocation(c.endedOn(), events.stream().filter(e -> "REVOKED".equals(e.event()))
            .reduce((a, b) -> b).map(e -> PublishedHistory.articles(e.detail())).orElse(List.of()));
    return new RegistryEntry(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(),
        c.firstCertifiedOn(), c.certifiedOn(), c.validUntil(), c.disclosureDate(), c.status().name(), c.endedOn(),
        items, improvements.published(c.certificationNumber()).stream()
            .map(r -> new RegistryEntry.PublishedImprovementRequest(r.requestedOn(), r.content(), r.deadline(), r.status()))
            .toList(),
        disclosure.verificationUrl(c.certificationNumber()), history, revocation);
  }
}
