package jp.iotcert.registry;

import java.util.List;
import java.util.Optional;
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
 */
@Service
public class Registry {

  private final CertificationRegister register;
  private final PublishedDisclosure disclosure;
  private final ImprovementRequests improvements;

  public Registry(CertificationRegister register, PublishedDisclosure disclosure, ImprovementRequests improvements) {
    this.register = register;
    this.disclosure = disclosure;
    this.improvements = improvements;
  }

  public List<RegistryEntry> search(String text, CertificationStatus status) {
    return register.search(text, status).stream().map(this::entry).toList();
  }

  public Optional<RegistryEntry> find(String certificationNumber) {
    return register.find(certificationNumber).map(this::entry);
  }

  RegistryEntry entry(Certification c) {
    return new RegistryEntry(c.certificationNumber(), c.serviceName(), c.providerName(), c.corporateNumber(),
        c.firstCertifiedOn(), c.certifiedOn(), c.validUntil(), c.disclosureDate(), c.status().name(), c.endedOn(),
        disclosure.items(c), improvements.published(c.certificationNumber()).stream()
            .map(r -> new RegistryEntry.PublishedImprovementRequest(r.requestedOn(), r.content(), r.deadline(), r.status()))
            .toList(),
        disclosure.verificationUrl(c.certificationNumber()));
  }
}
