package org.plenary.outreach;

import org.plenary.system.UploadLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How much the attachments of a contact may send: one file through the API, a few at once
 * from the pages (each still at most {@link Contacts#MAX_ATTACHMENT_BYTES}).
 */
@Configuration(proxyBeanMethods = false)
class AttachmentUploads {

	/** The files a whip attaches at once from a page. */
	static final int FILES_AT_ONCE = 5;

	private static final long MB = 1024 * 1024;

	@Bean
	UploadLimit contactWithFiles() {
		return new UploadLimit("/campaigns/{id}/contacts", pageLimit(), pageWhat());
	}

	@Bean
	UploadLimit filesOfAContact() {
		return new UploadLimit("/campaigns/{id}/contacts/{contactId}/attachments", pageLimit(), pageWhat());
	}

	@Bean
	UploadLimit fileOfAContactApi() {
		return new UploadLimit("/api/v1/campaigns/{id}/contacts/{contactId}/attachments",
				Contacts.MAX_ATTACHMENT_BYTES + UploadLimit.FORM_FIELDS,
				"one file of at most " + (Contacts.MAX_ATTACHMENT_BYTES / MB) + " MB");
	}

	private static long pageLimit() {
		return FILES_AT_ONCE * Contacts.MAX_ATTACHMENT_BYTES + UploadLimit.FORM_FIELDS;
	}

	private static String pageWhat() {
		return "at most " + FILES_AT_ONCE + " files of " + (Contacts.MAX_ATTACHMENT_BYTES / MB) + " MB each";
	}

}
