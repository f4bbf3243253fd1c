package org.plenary.system;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever ran {@code ./plenary serve} where to point the browser. */
@Component
class ReadyBanner {

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
			int port = web.getWebServer().getPort();
			System.out.println();
			System.out.println("Plenary is ready at http://localhost:" + port + "/");
			System.out.println();
		}
	}

}
