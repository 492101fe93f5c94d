package jp.iotcert.hostile;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jp.iotcert.support.TestSmtp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The hostile-input table on the default embedded database (H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.generate-unique-process-engine-name=false",
        "spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB"})
@ActiveProfiles("test")
class HostileInputApiTest extends HostileInputTable {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);
}
