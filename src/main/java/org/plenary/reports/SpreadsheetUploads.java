package org.plenary.reports;

import org.plenary.system.UploadLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How much a whip spreadsheet's upload may send, page or API. */
@Configuration(proxyBeanMethods = false)
class SpreadsheetUploads {

	private static final String WHAT = "a whip spreadsheet of at most " + (SheetReader.MAX_BYTES / (1024 * 1024))
			+ " MB";

	@Bean
	UploadLimit whipSpreadsheetPage() {
		return new UploadLimit("/campaigns/{id}/import", SheetReader.MAX_BYTES + UploadLimit.FORM_FIELDS, WHAT);
	}

	@Bean
	UploadLimit whipSpreadsheetApi() {
		return new UploadLimit("/api/v1/campaigns/{id}/imports", SheetReader.MAX_BYTES + UploadLimit.FORM_FIELDS, WHAT);
	}

}
