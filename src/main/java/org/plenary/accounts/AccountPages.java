package org.plenary.accounts;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page and one's own account: password and API tokens. */
@Controller
class AccountPages {

	private final Accounts accounts;

	private final ApiTokens tokens;

	AccountPages(Accounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping("/login")
	String login() {
		return "accounts/login";
	}

	@GetMapping("/account")
	String account(Principal principal, Model model) {
		model.addAttribute("account", this.accounts.user(principal.getName()));
		model.addAttribute("tokens", this.tokens.list(principal.getName()));
		return "accounts/account";
	}

	@PostMapping("/account/tokens")
	String createToken(Principal principal, @RequestParam String name,
			@RequestParam(required = false) LocalDate expires, RedirectAttributes redirect) {
		try {
			Instant expiresAt = expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant();
			ApiTokens.NewToken token = this.tokens.create(principal.getName(), name, expiresAt);
			redirect.addFlashAttribute("newToken", token.secret());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(principal.getName(), id);
		redirect.addFlashAttribute("notice", "Token revoked");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeOwnPassword(principal.getName(), currentPassword, newPassword);
			redirect.addFlashAttribute("notice", "Password changed");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

}
