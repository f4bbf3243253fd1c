package org.plenary.accounts;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in page and one's own account: password, two-factor sign-in, sessions and API
 * tokens.
 */
@Controller
class AccountPages {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final TwoFactor twoFactor;

	private final UserSessions sessions;

	private final AccountsSettings settings;

	private final JdbcClient jdbc;

	AccountPages(Accounts accounts, ApiTokens tokens, TwoFactor twoFactor, UserSessions sessions,
			AccountsSettings settings, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.tokens = tokens;
		this.twoFactor = twoFactor;
		this.sessions = sessions;
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("oidc", this.settings.oidc().enabled() ? this.settings.oidc().name() : null);
		return "accounts/login";
	}

	@GetMapping("/account")
	String account(Principal principal, HttpServletRequest request, Model model) {
		model.addAttribute("account", this.accounts.user(principal.getName()));
		model.addAttribute("tokens", this.tokens.list(principal.getName()));
		model.addAttribute("twoFactor", this.twoFactor.status(principal.getName()));
		model.addAttribute("sessions", this.sessions.list(principal.getName(), currentSession(request)));
		return "accounts/account";
	}

	@PostMapping("/account/sessions/{id}/sign-out")
	String signOutSession(Principal principal, @PathVariable String id, HttpServletRequest request,
			RedirectAttributes redirect) {
		String current = currentSession(request);
		boolean itself = current != null && UserSessions.name(current).equals(id);
		if (!this.sessions.signOut(principal.getName(), id)) {
			redirect.addFlashAttribute("error", "That session has ended already");
			return "redirect:/account";
		}
		if (itself) {
			return "redirect:/login?signedout";
		}
		redirect.addFlashAttribute("notice", "Signed that session out");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/sign-out-others")
	String signOutOtherSessions(Principal principal, HttpServletRequest request, RedirectAttributes redirect) {
		int count = this.sessions.signOutAllBut(principal.getName(), currentSession(request));
		redirect.addFlashAttribute("notice",
				"Signed out everywhere else (" + count + (count == 1 ? " session)" : " sessions)"));
		return "redirect:/account";
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
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			this.accounts.changeOwnPassword(principal.getName(), currentPassword, newPassword);
			// the other sessions end (the account's stamp moved); this one goes on
			HttpSession session = request.getSession(false);
			if (session != null) {
				AccessStampFilter.remember(this.jdbc, session, principal.getName());
			}
			redirect.addFlashAttribute("notice", "Password changed; your other sessions are signed out");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	private static String currentSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

}
