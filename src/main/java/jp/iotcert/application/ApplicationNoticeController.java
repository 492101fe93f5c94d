package jp.iotcert.application;

import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.notice.NoticePdfs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/applications/{no}/notices/{id}.pdf: a notice's letter exactly as stored when it was sent
 * (第6条4), for the provider it concerns and for staff (CaseAccess through ApplicationService.visible).
 */
@RestController
public class ApplicationNoticeController {

  private final ApplicationService service;
  private final NoticePdfs letters;

  public ApplicationNoticeController(ApplicationService service, NoticePdfs letters) {
    this.service = service;
    this.letters = letters;
  }

  @GetMapping("/api/applications/{applicationNumber}/notices/{noticeId}.pdf")
  public ResponseEntity<byte[]> notice(@PathVariable String applicationNumber, @PathVariable String noticeId) {
    service.visible(applicationNumber);
    byte[] file = letters.ofApplication(applicationNumber, noticeId)
        .orElseThrow(() -> new NotFoundException("申請 " + applicationNumber + " の通知 " + noticeId + " の文書（PDF）はありません。"));
    return DownloadNames.pdf("通知_" + noticeId + ".pdf", file);
  }
}
