package jp.iotcert.catalogue;

/** One item of the disclosure catalogue (審査基準 items of 申請書B). */
public record DisclosureItem(String itemId, String category, String name, String definition, boolean mandatory) {}
