package org.plenary.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the signed-in user may do in the campaign of this request, for the pages to show
 * only that: {@code mayRecord} is false for a viewer (its own role, or the one its
 * organisation's standing in the campaign lowers it to), so that the board does not offer
 * 193 Edit and Log buttons that would all be refused. The table of rights
 * ({@link RightsCheck}) decides it, before the controller runs; the refusal stays the
 * server's.
 */
@ControllerAdvice
public class CampaignAccess {

	/** The request attribute RightsCheck sets on a campaign's request. */
	static final String MAY_RECORD = CampaignAccess.class.getName() + ".mayRecord";

	/** True, false, or null on a request that is not a campaign's. */
	@ModelAttribute("mayRecord")
	Boolean mayRecord(HttpServletRequest request) {
		return (Boolean) request.getAttribute(MAY_RECORD);
	}

}
