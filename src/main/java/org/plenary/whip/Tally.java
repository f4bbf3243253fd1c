package org.plenary.whip;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.plenary.campaigns.Campaign;
import org.plenary.campaigns.Decision;
import org.plenary.campaigns.DecisionRules;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.VoteCount;

/**
 * The count of a board: how many members stand where, and the projected result under the
 * body's rule, firm and leaning reads counted as votes; Undecided and Unknown stay open;
 * members without a vote (Art. 19) count as non-voting whatever we read.
 */
public record Tally(Map<Stance, Integer> counts, VoteCount projected, int open, int withoutVote, Decision decision,
		Integer goalYes) {

	static Tally of(Campaign campaign, List<Member> members, Map<String, CurrentStance> stances) {
		Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
		for (Stance stance : Stance.values()) {
			counts.put(stance, 0);
		}
		int yes = 0;
		int no = 0;
		int abstain = 0;
		int nonVoting = 0;
		int permanentNo = 0;
		int open = 0;
		int withoutVote = 0;
		for (Member member : members) {
			CurrentStance current = stances.get(member.iso3());
			Stance stance = (current == null) ? Stance.UNKNOWN : current.stance();
			counts.merge(stance, 1, Integer::sum);
			if (member.withoutVote()) {
				withoutVote++; // Charter Art. 19: no vote, whatever it says
				nonVoting++;
				continue;
			}
			switch (stance.projection()) {
				case YES -> yes++;
				case NO -> {
					no++;
					if (member.permanent()) {
						permanentNo++;
					}
				}
				case ABSTAIN -> abstain++;
				case NON_VOTING -> nonVoting++;
				case OPEN -> open++;
			}
		}
		VoteCount projected = new VoteCount(yes, no, abstain, nonVoting, permanentNo);
		Decision decision = DecisionRules.decide(campaign.rule(), projected,
				campaign.quota() == null ? 0 : campaign.quota());
		return new Tally(counts, projected, open, withoutVote, decision, campaign.goalYes());
	}

	/** Progress toward the goal of Yes votes, 0 to 100, or null without a goal. */
	/**
	 * Whether every member has a read: only then do the reads alone say whether the text
	 * passes. Before that, a handful of reads says nothing of the outcome ("Fails 0-0-0"
	 * at the start); the forecast gives the verdict.
	 */
	public boolean everyMemberRead() {
		return this.open == 0;
	}

	/**
	 * What the reads show, without a verdict: "Reads so far: 12 Yes, 1 No, 7 Abstain; 172
	 * members unknown or undecided."
	 */
	public String readsSoFar() {
		return "Reads so far: " + this.projected.yes() + " Yes, " + this.projected.no() + " No, "
				+ this.projected.abstain() + " Abstain" + (this.projected.nonVoting() > 0
						? ", " + this.projected.nonVoting() + " absent or without a vote" : "")
				+ "; " + this.open + (this.open == 1 ? " member" : " members") + " unknown or undecided.";
	}

	public Integer goalPercent() {
		return (this.goalYes == null) ? null : Math.min(100, this.projected.yes() * 100 / this.goalYes);
	}

}
