package jp.iotcert.notice;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.common.StrictJson;
import jp.iotcert.identity.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read and change the notice templates (staff and managers only, SecurityConfig). A PUT adds a
 * version; none is ever edited, so every recorded notice keeps the version it was written from.
 */
@RestController
public class NoticeTemplateController {

  private final NoticeTemplates templates;
  private final StrictJson strictJson;
  private final CurrentUser currentUser;

  public NoticeTemplateController(NoticeTemplates templates, StrictJson strictJson, CurrentUser currentUser) {
    this.templates = templates;
    this.strictJson = strictJson;
    this.currentUser = currentUser;
  }

  /** A kind's current template, with the placeholders it may use and the list of its versions. */
  public record Current(String kind, int version, String subject, String body, Set<String> placeholders,
      String createdBy, Instant createdAt, String comment, List<VersionSummary> versions) {}

  public record VersionSummary(int version, String createdBy, Instant createdAt, String comment) {}

  public record Change(String subject, String body, String comment) {}

  @GetMapping("/api/notice-templates")
  public List<VersionSummaryOfKind> all() {
    return templates.kinds().stream().map(kind -> {
      NoticeTemplates.Version v = templates.current(kind);
      return new VersionSummaryOfKind(kind, v.version(), v.subject(), v.createdBy(), v.createdAt());
    }).toList();
  }

  public record VersionSummaryOfKind(String kind, int version, String subject, String createdBy, Instant createdAt) {}

  @GetMapping("/api/notice-templates/{kind}")
  public Current current(@PathVariable String kind) {
    return current(templates.current(kind));
  }

  @GetMapping("/api/notice-templates/{kind}/versions/{version}")
  public NoticeTemplates.Version version(@PathVariable String kind, @PathVariable int version) {
    return templates.version(kind, version).orElseThrow(() -> new NotFoundException(
        "通知テンプレート " + kind + " の第" + version + "版はありません。"));
  }

  @PutMapping(path = "/api/notice-templates/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Current change(@PathVariable String kind, @RequestBody String body) {
    Change change = strictJson.read(body, new TypeReference<>() {}, "body");
    return current(templates.change(kind, change.subject(), change.body(), change.comment(), currentUser.id()));
  }

  private Current current(NoticeTemplates.Version v) {
    return new Current(v.kind(), v.version(), v.subject(), v.body(), templates.placeholders(v.kind()), v.createdBy(),
        v.createdAt(), v.comment(), templates.versions(v.kind()).stream()
            .map(x -> new VersionSummary(x.version(), x.createdBy(), x.createdAt(), x.comment())).toList());
  }
}
