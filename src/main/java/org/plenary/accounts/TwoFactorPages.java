package org.plenary.accounts;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of sign-in (a code, or setting two-factor up when the organisation
 * requires it) and one's own two-factor settings on the account page. Wrong codes count
 * as failed sign-ins ({@link LoginThrottle}).
 */
@Controller
class TwoFactorPages {

	private final TwoFactor twoFactor;

	private final SignInSteps signIn;

	private final LoginThrottle throttle;

	private final Clock clock = Clock.systemUTC();

	TwoFactorPages(TwoFactor twoFactor, SignInSteps signIn, LoginThrottle throttle) {
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.throttle = throttle;
	}

	// the second step of sign-in

	@GetMapping("/login/two-factor")
	String codePage(HttpServletRequest request, HttpServletResponse response) {
		return switch (stage(request, response, false)) {
			case Stage.Ready ready -> "accounts/two-factor";
			case Stage.Elsewhere elsewhere -> elsewhere.redirect();
		};
	}

	@PostMapping("/login/two-factor")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException, ServletException {
		Stage stage = stage(request, response, false);
		if (!(stage instanceof Stage.Ready ready)) {
			return ((Stage.Elsewhere) stage).redirect();
		}
		String username = ready.pending().getName();
		String refusal = refusal(username, request);
		if (refusal != null) {
			model.addAttribute("error", refusal);
			return "accounts/two-factor";
		}
		if (this.twoFactor.verify(username, code)) {
			this.signIn.signIn(request, response, username);
			return null;
		}
		this.throttle.failed(username, request.getRemoteAddr());
		model.addAttribute("error", "That code is not right, or it has been used already. "
				+ "Type the code your authenticator app shows now, or one of your recovery codes.");
		return "accounts/two-factor";
	}

	@GetMapping("/login/two-factor/setup")
	String setupPage(HttpServletRequest request, HttpServletResponse response, Model model) {
		return switch (stage(request, response, true)) {
			case Stage.Ready ready -> setupView(model, this.twoFactor.setup(ready.pending().getName()), true);
			case Stage.Elsewhere elsewhere -> elsewhere.redirect();
		};
	}

	@PostMapping("/login/two-factor/setup")
	String setup(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Stage stage = stage(request, response, true);
		if (!(stage instanceof Stage.Ready ready)) {
			return ((Stage.Elsewhere) stage).redirect();
		}
		String username = ready.pending().getName();
		String refusal = refusal(username, request);
		if (refusal == null) {
			try {
				List<String> codes = this.twoFactor.confirm(username, code);
				String next = this.signIn.signInAndStay(request, response, username);
				return recoveryCodesView(model, codes, next);
			}
			catch (InvalidInputException ex) {
				this.throttle.failed(username, request.getRemoteAddr());
				refusal = ex.getMessage();
			}
		}
		model.addAttribute("error", refusal);
		return setupView(model, this.twoFactor.setup(username), true);
	}

	// one's own settings, signed in

	@PostMapping("/account/two-factor/setup")
	String startSetup(Principal principal, RedirectAttributes redirect) {
		try {
			this.twoFactor.restartSetup(principal.getName());
			return "redirect:/account/two-factor";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/account";
		}
	}

	@GetMapping("/account/two-factor")
	String accountSetupPage(Principal principal, Model model) {
		if (this.twoFactor.status(principal.getName()).enabled()) {
			return "redirect:/account";
		}
		return setupView(model, this.twoFactor.setup(principal.getName()), false);
	}

	@PostMapping("/account/two-factor/confirm")
	String confirm(Principal principal, @RequestParam(defaultValue = "") String code, Model model,
			RedirectAttributes redirect) {
		try {
			return recoveryCodesView(model, this.twoFactor.confirm(principal.getName(), code), "/account");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/account/two-factor";
		}
	}

	@PostMapping("/account/two-factor/disable")
	String disable(Principal principal, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
			RedirectAttributes redirect) {
		String refusal = refusal(principal.getName(), request);
		if (refusal == null) {
			try {
				this.twoFactor.disable(principal.getName(), code);
				this.signIn.keepThisSession(request, principal.getName());
				redirect.addFlashAttribute("notice", "Two-factor sign-in is off; your other sessions are signed out");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				this.throttle.failed(principal.getName(), request.getRemoteAddr());
				refusal = ex.getMessage();
			}
			catch (ConflictException ex) {
				refusal = ex.getMessage();
			}
		}
		redirect.addFlashAttribute("error", refusal);
		return "redirect:/account";
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String newRecoveryCodes(Principal principal, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		String refusal = refusal(principal.getName(), request);
		if (refusal == null) {
			try {
				return recoveryCodesView(model, this.twoFactor.newRecoveryCodes(principal.getName(), code), "/account");
			}
			catch (InvalidInputException ex) {
				this.throttle.failed(principal.getName(), request.getRemoteAddr());
				refusal = ex.getMessage();
			}
			catch (ConflictException ex) {
				refusal = ex.getMessage();
			}
		}
		redirect.addFlashAttribute("error", refusal);
		return "redirect:/account";
	}

	private String setupView(Model model, TwoFactor.Setup setup, boolean signingIn) {
		model.addAttribute("setup", setup);
		model.addAttribute("signingIn", signingIn);
		return "accounts/two-factor-setup";
	}

	private static String recoveryCodesView(Model model, List<String> codes, String next) {
		model.addAttribute("codes", codes);
		model.addAttribute("next", next);
		return "accounts/recovery-codes";
	}

	/** Why no code may be tried now (too many failures), or null. */
	private String refusal(String username, HttpServletRequest request) {
		Duration wait = this.throttle.waitBeforeAttempt(username, request.getRemoteAddr());
		if (wait.isZero()) {
			return null;
		}
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		return "Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
	}

	/** Where the session stands with the second step. */
	private sealed interface Stage {

		record Ready(TwoFactorPending pending) implements Stage {
		}

		record Elsewhere(String redirect) implements Stage {
		}

	}

	private Stage stage(HttpServletRequest request, HttpServletResponse response, boolean setUp) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TwoFactorPending pending) {
			if (pending.expired(this.clock.instant())) {
				this.signIn.abandon(request, response);
				return new Stage.Elsewhere("redirect:/login?expired");
			}
			if (pending.setUp() != setUp) {
				return new Stage.Elsewhere("redirect:" + pending.stepUrl());
			}
			return new Stage.Ready(pending);
		}
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return new Stage.Elsewhere("redirect:/");
		}
		return new Stage.Elsewhere("redirect:/login");
	}

}
