package org.plenary.accounts;

/**
 * Where a user's organisation stands in a campaign, asked by {@link RightsCheck} for
 * every campaign's endpoint. Campaigns are not this module's: the campaigns module
 * answers (it depends on this one, not the reverse).
 */
public interface CampaignStandings {

	/** How an organisation takes part in a campaign. */
	enum Party {

		/** Not at all, or the campaign does not exist: the two are not told apart. */
		NONE,

		/** Invited, not yet answered: it may answer, and see nothing else of it. */
		INVITED,

		/** An active partner. */
		PARTNER,

		/** The owner (every organisation owns a campaign opened by a command). */
		OWNER

	}

	/**
	 * Where the organisation stands, the owner's name (null when none), and the role that
	 * applies to the user in the campaign (the user's own, or the lower one its
	 * organisation set for the campaign).
	 */
	record Standing(Party party, String owner, Role applies, boolean lowered) {

		public static Standing none(Role own) {
			return new Standing(Party.NONE, null, own, false);
		}

	}

	/**
	 * Where the user, of this organisation (null: none) and with this role of its own,
	 * stands in the campaign.
	 */
	Standing standing(long campaignId, Long organisationId, String username, Role ownRole);

}
