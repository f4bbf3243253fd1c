package org.plenary.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.plenary.history.RollCalls;
import org.plenary.system.ConflictException;
import org.plenary.system.InvalidInputException;
import org.plenary.system.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' suggestions of what belongs to the campaign's owner: a reference resolution,
 * or the outcome. A partner's coordinator suggests; the owner's coordinators accept
 * (which records it as if they had added it) or decline. Each suggestion is seen by the
 * owner and by the organisation that made it (row-level security, V28).
 */
@Service
public class PartnerSuggestions {

	/**
	 * Records what a suggestion proposes, when the owner accepts it: the reference is
	 * added here; the outcome by the module that records outcomes and their reckoning.
	 */
	public interface Taker {

		PartnerSuggestion.Kind kind();

		void take(long campaignId, long rollCallId, String by);

	}

	private static final String SELECT = """
			select g.*, o.name as organisation from campaigns_suggestion g
			left join accounts_organisation o on o.id = g.organisation_id
			""";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final RollCalls rollCalls;

	private final Map<PartnerSuggestion.Kind, Taker> takers = new EnumMap<>(PartnerSuggestion.Kind.class);

	PartnerSuggestions(JdbcClient jdbc, Campaigns campaigns, RollCalls rollCalls, List<Taker> takers) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.rollCalls = rollCalls;
		this.takers.put(PartnerSuggestion.Kind.REFERENCE, new Taker() {

			@Override
			public PartnerSuggestion.Kind kind() {
				return PartnerSuggestion.Kind.REFERENCE;
			}

			@Override
			public void take(long campaignId, long rollCallId, String by) {
				campaigns.addReferences(campaignId, List.of(rollCallId));
			}

		});
		takers.forEach((taker) -> this.takers.put(taker.kind(), taker));
	}

	/**
	 * A partner suggests a roll call of the voting history as a reference or as the
	 * outcome. The owner records it instead: a suggestion is for those who may not.
	 */
	@Transactional
	public PartnerSuggestion suggest(long campaignId, PartnerSuggestion.Kind kind, String rollCall, String note,
			String by) {
		this.campaigns.campaign(campaignId); // 404 for a campaign the caller does not see
		if (kind == null) {
			throw new InvalidInputException("kind", "Say what you suggest: REFERENCE or OUTCOME");
		}
		long rollCallId = rollCallId(rollCall);
		if (kind == PartnerSuggestion.Kind.REFERENCE) {
			// refused now rather than when the owner accepts it
			String why = Campaigns.whyNotAReference(this.campaigns.campaign(campaignId).voteOn(),
					this.rollCalls.rollCall(rollCallId));
			if (why != null) {
				throw new InvalidInputException("rollCall", why);
			}
		}
		if (note != null && note.length() > 1000) {
			throw new InvalidInputException("note", "A note has at most 1,000 characters");
		}
		if (this.campaigns.owns(campaignId)) {
			throw new InvalidInputException("kind", "Your organisation owns this campaign: record the "
					+ kind.label().toLowerCase(Locale.ROOT) + " itself rather than suggesting it");
		}
		Long organisation = this.jdbc.sql("select plenary_owner()").query(Long.class).optional().orElse(null);
		if (organisation == null) {
			throw new InvalidInputException("kind", "Only a member of an organisation taking part suggests");
		}
		try {
			long id = this.jdbc
				.sql("""
						insert into campaigns_suggestion (campaign_id, organisation_id, kind, roll_call_id, note, suggested_by)
						values (?, ?, ?, ?, ?, ?) returning id
						""")
				.params(campaignId, organisation, kind.name(), rollCallId,
						(note == null || note.isBlank()) ? null : note.strip(), by)
				.query(Long.class)
				.single();
			return suggestion(campaignId, id);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("This roll call is already suggested as the "
					+ kind.label().toLowerCase(Locale.ROOT) + " of this campaign");
		}
	}

	/**
	 * A roll call of the voting history by id, or by symbol (the latest of that symbol).
	 */
	private long rollCallId(String rollCall) {
		String text = (rollCall == null) ? "" : rollCall.strip();
		return this.jdbc.sql("""
				select id from history_roll_call where id::text = :text or symbol = :text
				order by (id::text = :text) desc, vote_date desc, id desc limit 1
				""")
			.param("text", text)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidInputException("rollCall",
					"No roll call '" + text + "' in the voting history: give its id or its symbol"));
	}

	/**
	 * The campaign's suggestions the acting organisation sees (the owner all, a partner
	 * its own): open ones first, then the latest.
	 */
	public List<PartnerSuggestion> suggestions(long campaignId) {
		this.campaigns.campaign(campaignId);
		return this.jdbc
			.sql(SELECT + " where g.campaign_id = ? order by g.status = 'OPEN' desc, g.suggested_at desc, g.id desc")
			.param(campaignId)
			.query(this::suggestion)
			.list();
	}

	public PartnerSuggestion suggestion(long campaignId, long id) {
		return this.jdbc.sql(SELECT + " where g.campaign_id = ? and g.id = ?")
			.params(campaignId, id)
			.query(this::suggestion)
			.optional()
			.orElseThrow(() -> new NotFoundException("No suggestion " + id + " in this campaign"));
	}

	/**
	 * The owner accepts: the reference is added, or the outcome recorded, as suggested.
	 */
	@Transactional
	public PartnerSuggestion accept(long campaignId, long id, String by) {
		PartnerSuggestion suggestion = open(campaignId, id, "Accepting a suggestion");
		this.takers.get(suggestion.kind()).take(campaignId, suggestion.rollCallId(), by);
		return answer(campaignId, id, PartnerSuggestion.Status.ACCEPTED, by);
	}

	/** The owner declines: nothing is recorded. */
	@Transactional
	public PartnerSuggestion decline(long campaignId, long id, String by) {
		open(campaignId, id, "Declining a suggestion");
		return answer(campaignId, id, PartnerSuggestion.Status.DECLINED, by);
	}

	private PartnerSuggestion open(long campaignId, long id, String what) {
		PartnerSuggestion suggestion = suggestion(campaignId, id);
		this.campaigns.requireOwner(campaignId, what, "the partner that made it waits for their answer");
		if (!suggestion.open()) {
			throw new ConflictException("This suggestion was already "
					+ suggestion.status().name().toLowerCase(Locale.ROOT) + " by " + suggestion.answeredBy(),
					suggestion);
		}
		return suggestion;
	}

	private PartnerSuggestion answer(long campaignId, long id, PartnerSuggestion.Status status, String by) {
		int updated = this.jdbc.sql("""
				update campaigns_suggestion set status = ?, answered_by = ?, answered_at = now(), version = version + 1
				where campaign_id = ? and id = ? and status = 'OPEN'
				""").params(status.name(), by, campaignId, id).update();
		PartnerSuggestion current = suggestion(campaignId, id);
		if (updated == 0) {
			throw new ConflictException("This suggestion was answered by " + current.answeredBy() + " meanwhile",
					current);
		}
		return current;
	}

	private PartnerSuggestion suggestion(ResultSet rs, int row) throws SQLException {
		long rollCallId = rs.getLong("roll_call_id");
		java.sql.Timestamp answeredAt = rs.getTimestamp("answered_at");
		return new PartnerSuggestion(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("organisation"),
				PartnerSuggestion.Kind.valueOf(rs.getString("kind")), rollCallId,
				this.rollCalls.rollCall(rollCallId).label(), rs.getString("note"),
				PartnerSuggestion.Status.valueOf(rs.getString("status")), rs.getString("suggested_by"),
				rs.getTimestamp("suggested_at").toInstant(), rs.getString("answered_by"),
				(answeredAt == null) ? null : answeredAt.toInstant());
	}

}
