package org.plenary.states;

import java.util.List;

/** Everything the register knows about one state: what its page shows. */
public record StateProfile(MemberState state, List<StateName> names, List<Membership> memberships,
		MemberState successor, List<MemberState> predecessors) {
}
