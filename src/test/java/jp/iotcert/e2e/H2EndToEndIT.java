package jp.iotcert.e2e;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The end-to-end scenario on the embedded default: an H2 database, the job executor on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class H2EndToEndIT extends EndToEndScenario {}
