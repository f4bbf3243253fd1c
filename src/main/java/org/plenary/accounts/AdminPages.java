package org.plenary.accounts;

import java.security.Principal;

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

/**
 * Administration of users and organisations: an organisation's administrators see and
 * change their own organisation's, the installation's operators every one's
 * ({@link Administration}).
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminPages {

	private final Administration administration;

	AdminPages(Administration administration) {
		this.administration = administration;
	}

	@GetMapping("/admin/users")
	String users(Principal principal, Model model) {
		Administration.Administrator administrator = administrator(principal);
		model.addAttribute("users", this.administration.users(administrator));
		model.addAttribute("organisations", this.administration.organisations(administrator));
		model.addAttribute("roles", Role.values());
		return "accounts/users";
	}

	@PostMapping("/admin/users")
	String createUser(Principal principal, @RequestParam String username,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String email,
			@RequestParam String organisation, @RequestParam String role, RedirectAttributes redirect) {
		try {
			Accounts.CreatedUser created = this.administration.createUser(administrator(principal),
					new Accounts.NewUser(username, displayName, email, organisation, Role.parse(role), null));
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
	String user(Principal principal, @PathVariable String username, Model model) {
		Administration.Administrator administrator = administrator(principal);
		model.addAttribute("user", this.administration.user(administrator, username));
		model.addAttribute("twoFactor", this.administration.twoFactor(administrator, username));
		model.addAttribute("failures", this.administration.signInFailures(administrator, username));
		model.addAttribute("organisations", this.administration.organisations(administrator));
		model.addAttribute("roles", Role.values());
		return "accounts/user";
	}

	@PostMapping("/admin/users/{username}")
	String changeUser(Principal principal, @PathVariable String username, @RequestParam String displayName,
			@RequestParam(required = false) String email, @RequestParam String organisation, @RequestParam String role,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			this.administration.changeUser(administrator(principal), username,
					new Accounts.UserChange(displayName, email, organisation, Role.parse(role), enabled, version));
			redirect.addFlashAttribute("notice", "Saved " + username);
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/password")
	String resetPassword(Principal principal, @PathVariable String username, RedirectAttributes redirect) {
		String password = this.administration.resetPassword(administrator(principal), username);
		redirect.addFlashAttribute("newPassword", password);
		redirect.addFlashAttribute("newPasswordUser", username);
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/sign-in-failures/forget")
	String forgetSignInFailures(Principal principal, @PathVariable String username, RedirectAttributes redirect) {
		int forgotten = this.administration.forgetSignInFailures(administrator(principal), username);
		redirect.addFlashAttribute("notice",
				username + " may sign in again at once (" + forgotten + " failed sign-ins forgotten)");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/users/{username}/two-factor/reset")
	String resetTwoFactor(Principal principal, @PathVariable String username, RedirectAttributes redirect) {
		this.administration.resetTwoFactor(administrator(principal), username);
		redirect.addFlashAttribute("notice", "Two-factor sign-in reset for " + username
				+ ": the next sign-in asks for the password alone, or to set two-factor up if the organisation requires it");
		return "redirect:/admin/users/" + username;
	}

	@PostMapping("/admin/organisations/{id}/two-factor")
	String requireTwoFactor(Principal principal, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
		Organisation organisation = this.administration.requireTwoFactor(administrator(principal), id, required);
		redirect.addFlashAttribute("notice",
				organisation.name() + (required
						? " requires two-factor sign-in: its users without it set it up at their next sign-in"
						: " no longer requires two-factor sign-in"));
		return "redirect:/admin/organisations";
	}

	@GetMapping("/admin/organisations")
	String organisations(Principal principal, Model model) {
		Administration.Administrator administrator = administrator(principal);
		model.addAttribute("organisations", this.administration.organisations(administrator));
		model.addAttribute("operator", administrator.operator());
		return "accounts/organisations";
	}

	@PostMapping("/admin/organisations")
	@PreAuthorize("hasAuthority('OPERATOR')")
	String createOrganisation(Principal principal, @RequestParam String name, RedirectAttributes redirect) {
		try {
			this.administration.createOrganisation(administrator(principal), name);
			redirect.addFlashAttribute("notice", "Created " + name.trim());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/organisations";
	}

	@PostMapping("/admin/organisations/{id}")
	@PreAuthorize("hasAuthority('OPERATOR')")
	String renameOrganisation(Principal principal, @PathVariable long id, @RequestParam String name,
			RedirectAttributes redirect) {
		try {
			Organisation organisation = this.administration.renameOrganisation(administrator(principal), id, name);
			redirect.addFlashAttribute("notice", "Renamed to " + organisation.name());
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/organisations";
	}

	private Administration.Administrator administrator(Principal principal) {
		return this.administration.administrator(principal.getName());
	}

}
