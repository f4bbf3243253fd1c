package org.plenary.accounts;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** Puts the signed-in user into every page's model, for the layout's header. */
@ControllerAdvice(annotations = Controller.class)
class SignedInUser {

	private final Accounts accounts;

	SignedInUser(Accounts accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("currentUser")
	UserAccount currentUser(Principal principal) {
		// a session waiting for its second factor has no user yet
		return (principal == null || principal instanceof TwoFactorPending) ? null
				: this.accounts.findUser(principal.getName()).orElse(null);
	}

}
