package jp.iotcert.portal;

import jp.iotcert.common.NotFoundException;
import org.springframework.beans.InvalidPropertyException;
import jp.iotcert.common.TextRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The certification pages' refusals as pages, not the API's problem+json (ProblemHandler answers for
 * every controller otherwise, hence the precedence): an unknown or another company's certification or
 * case is the same 404 page; an account not yet bound to a company gets a 403 page saying why.
 */
@ControllerAdvice(assignableTypes = {PortalCertificationController.class, PortalCertificationNotificationController.class,
    PortalCertificationCaseController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalCertificationErrors {

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    ModelAndView view = new ModelAndView("portal/certifications/not-found", HttpStatus.NOT_FOUND);
    view.addObject("detail", TextRules.sanitize(e.getMessage()));
    return view;
  }

  /** A form post no page sends (e.g. changes[999].value, beyond what binding grows a list to): refused, not a 500. */
  @ExceptionHandler(InvalidPropertyException.class)
  ModelAndView unreadableForm() {
    ModelAndView view = new ModelAndView("portal/certifications/refused", HttpStatus.BAD_REQUEST);
    view.addObject("title", "送信内容を読み取れません");
    view.addObject("detail", "送信された内容を読み取れませんでした。画面の入力欄から入力し直してください。");
    view.addObject("back", "/portal/certifications");
    return view;
  }

  @ExceptionHandler(PortalCertificationAccess.AccountNotBound.class)
  ModelAndView notBound() {
    return new ModelAndView("portal/certifications/not-bound", HttpStatus.FORBIDDEN);
  }
}
