package jp.iotcert.catalogue;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DisclosureItemController {

  private final DisclosureCatalogue catalogue;

  public DisclosureItemController(DisclosureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/api/disclosure-items")
  public List<DisclosureItem> items() {
    return catalogue.all();
  }
}
