package org.plenary.accounts;

import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users and organisations. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminPages {

	private final Accounts accounts;

	private final TwoFactor twoFactor;

	AdminPages(Accounts accounts, TwoFactor twoFactor) {
		this.accounts = accounts;
		this.twoFactor = twoFactor;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", this.accounts.users());
		model.addAttribute("organisations", this.accounts.organisations());
		model.addAttribute("roles", Role.values());
		return "accounts/users";
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String email, @RequestParam String organisation, @RequestParam String role,
			RedirectAttributes redirect) {
		try {
			Accounts.CreatedUser created = this.accounts
				.createUser(new Accounts.NewUser(username, displayName, email, organisation, Role.parse(role), null));
			redirect.addFlashAttribute("notice", "Created " + created.user().username());
			redirect.addFlashAttribute("newPassword", created.password());
			redirect.addFlashAttribute("newPasswordUser", created.user().username());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{username}")
	String user(@PathVariable String username, Model model) {
		model.addAttribute("user", this.accounts.user(username));
		model.addAttribute("twoFactor", this.twoFactor.status(username));
		model.addAttribute("organisations", this.accounts.organisations());
		model.addAttribute("roles", Role.values());
		return "accounts/user";
	}

	@PostMapping("/admin/users/{username}")
	String changeUser(@PathVariable String username, @RequestParam String displayName,
			@RequestParam(required = false) String email, @RequestParam String organisation, @RequestParam String role,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeUser(username,
					new Accounts.UserChange(displayName, email, organisation, Role.parse(role), enabled, version));
			redirect.addFlashAttribute("notice", "Saved " + username);
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/password")
	String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
		String password = Passwords.generate();
		this.accounts.setPassword(username, password);
		redirect.addFlashAttribute("newPassword", password);
		redirect.addFlashAttribute("newPasswordUser", username);
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/two-factor/reset")
	String resetTwoFactor(@PathVariable String username, RedirectAttributes redirect) {
		this.twoFactor.reset(username);
		redirect.addFlashAttribute("notice", "Two-factor sign-in reset for " + username
				+ ": the next sign-in asks for the password alone, or to set two-factor up if the organisation requires it");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/organisations/{id}/two-factor")
	String requireTwoFactor(@PathVariable long id, @RequestParam(defaultValue = "false") boolean required,
			RedirectAttributes redirect) {
		Organisation organisation = this.accounts.requireTwoFactor(id, required);
		redirect.addFlashAttribute("notice",
				organisation.name() + (required
						? " requires two-factor sign-in: its users without it set it up at their next sign-in"
						: " no longer requires two-factor sign-in"));
		return "redirect:/admin/organisations";
	}

	@GetMapping("/admin/organisations")
	String organisations(Model model) {
		model.addAttribute("organisations", this.accounts.organisations());
		return "accounts/organisations";
	}

	@PostMapping("/admin/organisations")
	String createOrganisation(@RequestParam String name, RedirectAttributes redirect) {
		try {
			this.accounts.createOrganisation(name);
			redirect.addFlashAttribute("notice", "Created " + name.trim());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/organisations";
	}

}
