package org.plenary.accounts;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.plenary.system.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, organisations and one's own API tokens over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Users, organisations and API tokens")
class AccountsApi {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final TwoFactor twoFactor;

	private final UserSessions sessions;

	private final Administration administration;

	AccountsApi(Accounts accounts, ApiTokens tokens, TwoFactor twoFactor, UserSessions sessions,
			Administration administration) {
		this.accounts = accounts;
		this.administration = administration;
		this.tokens = tokens;
		this.twoFactor = twoFactor;
		this.sessions = sessions;
	}

	record NewUserRequest(@NotBlank @Size(max = 63) String username, @Size(max = 200) String displayName,
			@Size(max = 320) String email, @NotBlank String organisation, @NotNull Role role,
			@Size(max = 128) String password) {
	}

	record CreatedUserResponse(UserAccount user, String generatedPassword) {
	}

	record UserChangeRequest(@NotBlank @Size(max = 200) String displayName, @Size(max = 320) String email,
			@NotBlank String organisation, @NotNull Role role, boolean enabled, int version) {
	}

	record NewOrganisationRequest(@NotBlank @Size(max = 200) String name) {
	}

	record NewTokenRequest(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
	}

	record TwoFactorRequirement(@NotNull Boolean required) {
	}

	record SignedOut(int signedOut) {
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user")
	UserAccount me(Principal principal) {
		return this.accounts.user(principal.getName());
	}

	@GetMapping("/me/tokens")
	@Operation(summary = "The signed-in user's API tokens (never their secrets)")
	List<ApiTokens.ApiToken> myTokens(Principal principal) {
		return this.tokens.list(principal.getName());
	}

	@PostMapping("/me/tokens")
	@Operation(summary = "Create an API token; the secret is in this response only")
	ResponseEntity<ApiTokens.NewToken> createToken(Principal principal, @Valid @RequestBody NewTokenRequest request) {
		ApiTokens.NewToken token = this.tokens.create(principal.getName(), request.name(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.token().id())).body(token);
	}

	@DeleteMapping("/me/tokens/{id}")
	@Operation(summary = "Revoke one of one's API tokens")
	ResponseEntity<Void> revokeToken(Principal principal, @PathVariable long id) {
		this.tokens.revoke(principal.getName(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me/sessions")
	@Operation(summary = "The signed-in user's web sessions (browsers signed in), most recently used first")
	List<UserSessions.WebSession> mySessions(Principal principal) {
		return this.sessions.list(principal.getName(), null);
	}

	@DeleteMapping("/me/sessions/{id}")
	@Operation(summary = "Sign one of one's web sessions out")
	ResponseEntity<Void> signOutSession(Principal principal, @PathVariable String id) {
		if (!this.sessions.signOut(principal.getName(), id)) {
			throw new NotFoundException("No session " + id + " (it may have ended already)");
		}
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/me/sessions")
	@Operation(summary = "Sign out all of one's web sessions (API tokens keep working)")
	SignedOut signOutSessions(Principal principal) {
		return new SignedOut(this.sessions.signOutAllBut(principal.getName(), null));
	}

	@GetMapping("/me/two-factor")
	@Operation(summary = "Whether the signed-in user signs in with a second factor "
			+ "(set up and turned off on the account page only)")
	TwoFactor.Status myTwoFactor(Principal principal) {
		return this.twoFactor.status(principal.getName());
	}

	@DeleteMapping("/users/{username}/two-factor")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Reset a user's two-factor sign-in, e.g. after a lost phone (administrators, "
			+ "for their organisation's users; operators, for anyone's)")
	ResponseEntity<Void> resetTwoFactor(Principal principal, @PathVariable String username) {
		this.administration.resetTwoFactor(administrator(principal), username);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/users/{username}/sign-in-failures")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "A user's failed sign-ins of the last 15 minutes, by address, with how long each "
			+ "address still waits before it may try again")
	List<LoginThrottle.Failures> signInFailures(Principal principal, @PathVariable String username) {
		return this.administration.signInFailures(administrator(principal), username);
	}

	@DeleteMapping("/users/{username}/sign-in-failures")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Forget a user's failed sign-ins, so that it may try again at once from any address "
			+ "(after making sure it is the rightful user who is trying)")
	ResponseEntity<Void> forgetSignInFailures(Principal principal, @PathVariable String username) {
		this.administration.forgetSignInFailures(administrator(principal), username);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/organisations/{id}/two-factor")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Require (or stop requiring) two-factor sign-in of an organisation's users "
			+ "(administrators, for their own organisation; operators, for any)")
	Organisation requireTwoFactor(Principal principal, @PathVariable long id,
			@Valid @RequestBody TwoFactorRequirement request) {
		return this.administration.requireTwoFactor(administrator(principal), id, request.required());
	}

	@GetMapping("/users")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "The users one administers: one's organisation's (administrators), everyone (operators)")
	List<UserAccount> users(Principal principal) {
		return this.administration.users(administrator(principal));
	}

	@GetMapping("/users/{username}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "One user one administers (404 for another organisation's)")
	UserAccount user(Principal principal, @PathVariable String username) {
		return this.administration.user(administrator(principal), username);
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Create a user in one's organisation (administrators) or in any (operators); "
			+ "without a password one is generated and returned")
	ResponseEntity<CreatedUserResponse> createUser(Principal principal, @Valid @RequestBody NewUserRequest request) {
		Accounts.CreatedUser created = this.administration.createUser(administrator(principal),
				new Accounts.NewUser(request.username(), request.displayName(), request.email(), request.organisation(),
						request.role(), request.password()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().username()))
			.body(new CreatedUserResponse(created.user(), created.passwordGenerated() ? created.password() : null));
	}

	@PutMapping("/users/{username}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "Change a user one administers; 409 if 'version' is not the current one")
	UserAccount changeUser(Principal principal, @PathVariable String username,
			@Valid @RequestBody UserChangeRequest request) {
		return this.administration.changeUser(administrator(principal), username,
				new Accounts.UserChange(request.displayName(), request.email(), request.organisation(), request.role(),
						request.enabled(), request.version()));
	}

	@GetMapping("/organisations")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	@Operation(summary = "The organisations one administers: one's own (administrators), all (operators)")
	List<Organisation> organisations(Principal principal) {
		return this.administration.organisations(administrator(principal));
	}

	@PostMapping("/organisations")
	@PreAuthorize("hasAuthority('OPERATOR')")
	@Operation(summary = "Create an organisation (operators only)")
	ResponseEntity<Organisation> createOrganisation(Principal principal,
			@Valid @RequestBody NewOrganisationRequest request) {
		Organisation organisation = this.administration.createOrganisation(administrator(principal), request.name());
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation.id())).body(organisation);
	}

	@PutMapping("/organisations/{id}")
	@PreAuthorize("hasAuthority('OPERATOR')")
	@Operation(summary = "Rename an organisation (operators only)")
	Organisation renameOrganisation(Principal principal, @PathVariable long id,
			@Valid @RequestBody NewOrganisationRequest request) {
		return this.administration.renameOrganisation(administrator(principal), id, request.name());
	}

	private Administration.Administrator administrator(Principal principal) {
		return this.administration.administrator(principal.getName());
	}

}
