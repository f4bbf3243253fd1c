package org.plenary.history;

import org.plenary.system.UploadLimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How much an upload of roll-call files may send: the UN's whole voting history is
 * hundreds of megabytes, so the installation's upload limit ({@code PLENARY_MAX_UPLOAD}).
 * The files go to a temporary folder as they arrive and are read from there.
 */
@Configuration(proxyBeanMethods = false)
class RollCallUploads {

	private final long maxBytes;

	RollCallUploads(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxBytes) {
		this.maxBytes = maxBytes.toBytes();
	}

	@Bean
	UploadLimit rollCallFilesPage() {
		return new UploadLimit("/history/imports", this.maxBytes, what());
	}

	@Bean
	UploadLimit rollCallFilesApi() {
		return new UploadLimit("/api/v1/imports", this.maxBytes, what());
	}

	private String what() {
		return "roll-call files of at most " + (this.maxBytes / (1024 * 1024)) + " MB in all";
	}

}
