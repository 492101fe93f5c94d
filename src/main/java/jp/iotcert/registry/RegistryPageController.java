package jp.iotcert.registry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.PublishedDisclosure;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public registry pages (第11条), server-rendered in Japanese with Thymeleaf (templates/registry),
 * no login: the search {@code /registry}, the entry {@code /registry/{certificationNumber}} (the
 * verification page of the mark and the QR code, 第10条4), the result as CSV {@code /registry.csv}
 * and the events as Atom {@code /registry/feed.atom}. Everything shown comes from {@link RegistryEntry},
 * the same published fields as the JSON of {@link PublicRegistryController}.
 */
@Controller
public class RegistryPageController {

  static final int PAGE_SIZE = 20;

  private final Registry registry;
  private final DisclosureCatalogue catalogue;
  private final CertificationRegister register;
  private final BusinessCalendar calendar;
  private final String publicBaseUrl;
  private final Delegations delegations;

  public RegistryPageController(Registry registry, DisclosureCatalogue catalogue, CertificationRegister register,
      BusinessCalendar calendar, @Value("${iotcert.public-base-url}") String publicBaseUrl, Delegations delegations) {
    this.registry = registry;
    this.delegations = delegations;
    this.catalogue = catalogue;
    this.register = register;
    this.calendar = calendar;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** The search form's values as understood: bad or unknown values fall back to "all" rather than an error page. */
  record Query(String q, CertificationStatus status, Registry.Sort sort, int page) {

    static Query of(String q, String status, String sort, String page) {
      String text = q == null ? "" : TextRules.sanitize(q).strip();
      if (text.length() > 200) {
        text = text.substring(0, 200);
      }
      return new Query(text, parse(CertificationStatus.class, status), Optional.ofNullable(parse(Registry.Sort.class, sort))
          .orElse(Registry.Sort.NUMBER), page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
      return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    String url(String path, Integer toPage) {
      UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
      if (!q.isEmpty()) {
        b.queryParam("q", q);
      }
      if (status != null) {
        b.queryParam("status", status.name());
      }
      if (sort != Registry.Sort.NUMBER) {
        b.queryParam("sort", sort.name());
      }
      if (toPage != null && toPage > 1) {
        b.queryParam("page", toPage);
      }
      return b.encode(StandardCharsets.UTF_8).build().toUriString();
    }
  }

  /** A link of the pager. */
  public record PageLink(int number, String href, boolean current) {}

  @GetMapping("/registry")
  public ModelAndView search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String sort, @RequestParam(required = false) String page) {
    Query query = Query.of(q, status, sort, page);
    Registry.Page result = registry.page(query.q(), query.status(), query.sort(), query.page(), PAGE_SIZE);
    List<PageLink> links = IntStream.rangeClosed(1, result.pageCount())
        .mapToObj(n -> new PageLink(n, query.url("/registry", n), n == result.page())).toList();
    ModelAndView view = new ModelAndView("registry/search");
    view.addObject("query", query);
    view.addObject("result", result);
    view.addObject("pages", links);
    view.addObject("previous", result.page() > 1 ? query.url("/registry", result.page() - 1) : null);
    view.addObject("next", result.page() < result.pageCount() ? query.url("/registry", result.page() + 1) : null);
    view.addObject("csv", query.url("/registry.csv", null));
    view.addObject("statuses", Arrays.stream(CertificationStatus.values())
        .collect(Collectors.toMap(Enum::name, s -> RegistryText.statusWord(s.name()), (a, b) -> a,
            java.util.LinkedHashMap::new)));
    view.addObject("sorts", Registry.Sort.values());
    view.addObject("v", new View(calendar.today()));
    return view;
  }

  @GetMapping("/registry/{certificationNumber}")
  public ModelAndView entry(@PathVariable String certificationNumber) {
    Optional<RegistryEntry> found = registry.find(certificationNumber);
    if (found.isEmpty()) {
      ModelAndView view = new ModelAndView("registry/not-found", HttpStatus.NOT_FOUND);
      view.addObject("number", TextRules.sanitize(certificationNumber));
      return view;
    }
    RegistryEntry e = found.get();
    LocalDate today = calendar.today();
    Map<String, DisclosureItem> definitions = catalogue.all().stream()
        .collect(Collectors.toMap(DisclosureItem::itemId, i -> i));
    ModelAndView view = new ModelAndView("registry/entry");
    view.addObject("e", e);
    view.addObject("inForce", RegistryText.inForce(e));
    view.addObject("sentence", RegistryText.inForceSentence(e, today));
    view.addObject("summary", e.disclosure().stream().filter(i -> PublishedDisclosure.SUMMARY_ITEM.equals(i.itemId()))
        .map(i -> i.value()).findFirst().orElse(null));
    view.addObject("rows", e.disclosure().stream().map(i -> new DisclosureRow(i.itemId(), i.category(), i.name(),
        Optional.ofNullable(definitions.get(i.itemId())).map(DisclosureItem::definition).orElse(""),
        Optional.ofNullable(definitions.get(i.itemId())).map(DisclosureItem::mandatory).orElse(false) ? "必須" : "選択",
        i.value())).toList());
    view.addObject("delegations", delegations.entries());
    view.addObject("v", new View(today));
    return view;
  }

  /** A row of the disclosure table: the item, its definition from the catalogue, 必須/選択, the content. */
  public record DisclosureRow(String itemId, String category, String name, String definition, String kind,
      String value) {}

  @GetMapping("/registry.csv")
  public ResponseEntity<byte[]> csv(@RequestParam(required = false) String q,
      @RequestParam(required = false) String status, @RequestParam(required = false) String sort) {
    Query query = Query.of(q, status, sort, null);
    Registry.Page all = registry.page(query.q(), query.status(), query.sort(), 1, Integer.MAX_VALUE);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename("registry-" + calendar.today() + ".csv").build().toString())
        .body(RegistryCsv.write(all.entries(), catalogue));
  }

  @GetMapping("/registry/feed.atom")
  public ResponseEntity<String> feed() {
    // Each certification's entry is built once, however many of its events the feed lists, and all in one go.
    List<CertificationRegister.RecordedEvent> events = register.latestEvents(PublishedHistory.KINDS.keySet(),
        RegistryFeed.SIZE);
    Map<String, RegistryEntry> entries = registry.entries(events.stream()
            .map(CertificationRegister.RecordedEvent::certificationNumber).distinct().toList()).stream()
        .collect(Collectors.toMap(RegistryEntry::certificationNumber, e -> e));
    List<RegistryFeed.Item> items = events.stream()
        .flatMap(ev -> Optional.ofNullable(entries.get(ev.certificationNumber())).stream()
            .map(e -> new RegistryFeed.Item(ev, e,
                e.history().stream().filter(h -> h.event().equals(ev.event()) && h.effectiveOn().equals(ev.effectiveOn()))
                    .map(RegistryEntry.PublishedEvent::description).reduce((a, b) -> b)
                    .orElse(PublishedHistory.KINDS.get(ev.event())))))
        .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
        .body(RegistryFeed.write(items, publicBaseUrl, calendar.now()));
  }

  /** Formatting for the templates (instance methods: templates call no static code). */
  public static final class View {
    private final LocalDate today;

    View(LocalDate today) {
      this.today = today;
    }

    public String today() {
      return RegistryText.date(today);
    }

    public String date(LocalDate date) {
      return date == null ? "—" : RegistryText.date(date);
    }

    public String status(String status) {
      return RegistryText.statusWord(status);
    }

    /** Whether the entry's status (the one of today, {@link StatusToday}) is an ended one. */
    public boolean ended(RegistryEntry e) {
      return !RegistryText.inForce(e);
    }

    public String href(RegistryEntry e) {
      return "/registry/" + e.certificationNumber().replace(" ", "%20");
    }

    public String improvementStatus(String status) {
      return RegistryText.improvementStatus(status);
    }
  }
}
