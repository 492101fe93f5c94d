package jp.iotcert.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.PublishedDisclosure;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.oversight.ImprovementRequests;
import org.springframework.stereotype.Service;

/**
 * The public registry (第11条): what is published of each certification. Items whose publication
 * was withheld on the applicant's justified request (第11条2) never appear ({@link PublishedDisclosure});
 * ended certifications keep their entry with their status (第11条3, 第17条3), the status being the one
 * of today in Japan time ({@link StatusToday}) for the JSON, the CSV, the pages and the feed alike.
 *
 * <p>Search is done in SQL ({@link RegistrySearch}) on the search form stored with each certification
 * (NFKC and lower case, {@link jp.iotcert.certification.SearchText}), the term normalized alike, so it
 * stays width- and case-insensitive at 100,000 entries; a page then reads its entries by number.
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
  private final RegistrySearch search;
  private final PublishedDisclosure disclosure;
  private final ImprovementRequests improvements;
  private final ObjectMapper json;
  private final BusinessCalendar calendar;

  public Registry(CertificationRegister register, RegistrySearch search, PublishedDisclosure disclosure,
      ImprovementRequests improvements, ObjectMapper json, BusinessCalendar calendar) {
    this.calendar = calendar;
    this.register = register;
    this.search = search;
    this.disclosure = disclosure;
    this.improvements = improvements;
    this.json = json;
  }

  public List<RegistryEntry> search(String text, CertificationStatus status) {
    return entries(search.find(text, status, calendar.today(), Sort.NUMBER, 0, Integer.MAX_VALUE).numbers());
  }

  /** A page (1-based, clamped to the pages there are) of the matching entries in the given order. */
  public Page page(String text, CertificationStatus status, Sort sort, int page, int size) {
    int wanted = Math.max(1, page);
    LocalDate today = calendar.today();
    RegistrySearch.Matches found = search.find(text, status, today, sort, (long) (wanted - 1) * size, size);
    if (found.numbers().isEmpty() && wanted > 1) {
      // Past the last page (or nothing left there): count, then show the last page as before.
      int total = search.find(text, status, today, sort, 0, 1).total();
      int last = pageCount(total, size);
      found = search.find(text, status, today, sort, (long) (last - 1) * size, size);
      wanted = last;
    }
    int pageCount = pageCount(found.total(), size);
    return new Page(entries(found.numbers()), found.total(), Math.min(wanted, pageCount), pageCount, size);
  }

  private static int pageCount(int total, int size) {
    return (int) Math.max(1, ((long) total + size - 1) / size);
  }

  public Optional<RegistryEntry> find(String certificationNumber) {
    return register.find(certificationNumber).map(c -> entry(c, register.events(certificationNumber),
        improvements.published(certificationNumber)));
  }

  /**
   * The entries of these numbers, in their order: the certifications, their histories and their
   * published improvement requests in one query each (per thousand), never one query per entry.
   */
  List<RegistryEntry> entries(List<String> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    Map<String, List<CertificationRegister.Event>> events = register.events(numbers);
    Map<String, List<ImprovementRequests.Request>> requests = improvements.published(numbers);
    return register.findAll(numbers).stream()
        .map(c -> entry(c, events.getOrDefault(c.certificationNumber(), List.of()),
            requests.getOrDefault(c.certificationNumber(), List.of())))
        .toList();
  }

  private RegistryEntry entry(Certification c, List<CertificationRegister.Event> events,
      List<ImprovementRequests.Request> requests) {
    List<PublishedDisclosure.Item> items = disclosure.items(c);
    List<RegistryEntry.PublishedEvent> history = events.stream()
        .filter(e -> PublishedHistory.published(e.event()))
        .map(e -> new RegistryEntry.PublishedEvent(e.effectiveOn(), e.event(),
            PublishedHistory.describe(e.event(), e.detail(), items, json)))
        .toList();
    RegistryEntry.Revocation revocation = c.status() != CertificationStatus.REVOKED ? null
        : new RegistryEntry.Revocation(c.endedOn(), events.stream().filter(e -> "REVOKED".equals(e.event()))
            .reduce((a, b) -> b).map(e -> PublishedHistory.articles(e.detail())).orElse(List.of()));
    // 第11条3: the status (and end day) as of today in Japan time, whether or not the expiry job has run.
    StatusToday.Shown shown = StatusToday.of(c, calendar.today());
    return new RegistryEntry(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(),
        c.firstCertifiedOn(), c.certifiedOn(), c.validUntil(), c.disclosureDate(), shown.status().name(), shown.endedOn(),
        items, requests.stream()
            .map(r -> new RegistryEntry.PublishedImprovementRequest(r.requestedOn(), r.content(), r.deadline(), r.status()))
            .toList(),
        disclosure.verificationUrl(c.certificationNumber()), history, revocation);
  }
}
