package org.plenary.campaigns;

import org.springframework.security.core.Authentication;

/**
 * Whether a signed-in user coordinates: pages show the coordinators' forms to them only.
 */
public final class Coordinators {

	private Coordinators() {
	}

	/** A coordinator or an administrator (who has every power of a coordinator). */
	public static boolean coordinates(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals("ROLE_COORDINATOR")
					|| a.getAuthority().equals("ROLE_ADMINISTRATOR"));
	}

}
