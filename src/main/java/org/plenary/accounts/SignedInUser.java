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
	UserAccount currentUser(Principal principal, jakarta.servlet.http.HttpServletRequest request) {
		// the API's controllers are @Controllers too, but answer JSON with no header: a
		// read of the user on every API call was for nothing (issue 18)
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		// a session waiting for its second factor has no user yet
		return (principal == null || principal instanceof TwoFactorPending) ? null
				: this.accounts.findUser(principal.getName()).orElse(null);
	}

}
