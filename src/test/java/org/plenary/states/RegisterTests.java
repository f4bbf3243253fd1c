package org.plenary.states;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts about the register that can be checked against the public record. */
@SpringBootTest
class RegisterTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	@Autowired
	MemberStates states;

	@Test
	void has193MembersAndTwoObservers() {
		List<MemberState> listed = this.states.list(MemberStates.StateFilter.all());
		assertThat(listed).filteredOn((s) -> s.status() == StateStatus.MEMBER).hasSize(193);
		assertThat(listed).filteredOn((s) -> s.status() == StateStatus.OBSERVER)
			.extracting(MemberState::iso3)
			.containsExactlyInAnyOrder("VAT", "PSE");
	}

	@Test
	void knowsTheFormerMembersAndWhatSucceededThem() {
		List<MemberState> former = this.states
			.list(new MemberStates.StateFilter(Set.of(StateStatus.FORMER_MEMBER), null, null));
		Map<String, String> successors = former.stream()
			.filter((s) -> s.successorIso3() != null)
			.collect(Collectors.toMap(MemberState::iso3, MemberState::successorIso3));
		assertThat(successors).containsEntry("SUN", "RUS").containsEntry("DDR", "DEU").containsEntry("YMD", "YEM");
		assertThat(former).extracting(MemberState::iso3).contains("YUG", "CSK", "ZAN");
		assertThat(this.states.state("SUN").endedOn()).isEqualTo(LocalDate.of(1991, 12, 24));
	}

	@Test
	void iso3Iso2AndM49CodesAreUniqueAndWellFormed() {
		List<MemberState> all = this.states
			.list(new MemberStates.StateFilter(Set.of(StateStatus.values()), null, null));
		assertThat(all).extracting(MemberState::iso3).doesNotHaveDuplicates().allMatch((c) -> c.matches("[A-Z]{3}"));
		assertThat(all).extracting(MemberState::iso2).filteredOn((c) -> c != null).doesNotHaveDuplicates();
		assertThat(all).filteredOn((s) -> s.status() == StateStatus.MEMBER).allSatisfy((s) -> {
			assertThat(s.iso2()).matches("[A-Z]{2}");
			assertThat(s.m49()).isBetween(1, 999);
			assertThat(s.admittedOn()).isBetween(LocalDate.of(1945, 10, 24), LocalDate.of(2011, 7, 14));
		});
		assertThat(this.states.state("BRA").m49()).isEqualTo(76);
		assertThat(this.states.state("SSD").admittedOn()).isEqualTo(LocalDate.of(2011, 7, 14));
		assertThat(this.states.state("CIV").shortName()).isEqualTo("Côte d'Ivoire");
		assertThat(this.states.state("TUR").shortName()).isEqualTo("Türkiye");
	}

	@Test
	void theEuropeanUnionHas27MembersTodayAnd28BeforeBrexit() {
		assertThat(members("EU", TODAY)).hasSize(27).contains("FRA", "DEU", "HRV").doesNotContain("GBR");
		assertThat(members("EU", LocalDate.of(2019, 6, 1))).hasSize(28).contains("GBR");
		assertThat(members("EU", LocalDate.of(2012, 6, 1))).hasSize(27).doesNotContain("HRV");
	}

	@Test
	void smallBlocsHaveExactlyTheirMembers() {
		assertThat(members("GCC", TODAY)).containsExactlyInAnyOrder("ARE", "BHR", "KWT", "OMN", "QAT", "SAU");
		assertThat(members("NORDIC", TODAY)).containsExactlyInAnyOrder("DNK", "FIN", "ISL", "NOR", "SWE");
		assertThat(members("G7", TODAY)).containsExactlyInAnyOrder("CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA");
		assertThat(members("CSTO", TODAY)).containsExactlyInAnyOrder("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK");
		assertThat(members("BRICS", LocalDate.of(2023, 6, 1))).containsExactlyInAnyOrder("BRA", "RUS", "IND", "CHN",
				"ZAF");
		assertThat(members("BRICS", LocalDate.of(2024, 6, 1))).hasSize(9).contains("EGY", "ETH", "IRN", "ARE");
		assertThat(members("BRICS", TODAY)).hasSize(10).contains("IDN");
		assertThat(members("NATO", LocalDate.of(2023, 1, 1))).hasSize(30);
		assertThat(members("NATO", TODAY)).hasSize(32).contains("FIN", "SWE");
		assertThat(members("ASEAN", TODAY)).hasSize(11).contains("TLS");
		assertThat(members("ARAB_LEAGUE", TODAY)).hasSize(22).contains("PSE");
		assertThat(members("AU", TODAY)).hasSize(55).contains("MAR", "ESH");
	}

	@Test
	void everyMemberStateIsInARegionalGroup() {
		Map<String, List<String>> groupsByState = this.states.groupings()
			.stream()
			.filter((g) -> g.kind() == Grouping.Kind.REGIONAL_GROUP)
			.flatMap((g) -> this.states.membersOf(g.code(), TODAY).stream())
			.filter((m) -> m.role().equals("MEMBER"))
			.collect(Collectors.groupingBy(Membership::iso3,
					Collectors.mapping(Membership::groupingCode, Collectors.toList())));
		this.states.list(new MemberStates.StateFilter(Set.of(StateStatus.MEMBER), null, null))
			.forEach((state) -> assertThat(groupsByState.get(state.iso3())).as(state.shortName())
				.satisfiesAnyOf((groups) -> assertThat(groups).hasSize(1),
						(groups) -> assertThat(state.iso3()).isIn("TUR", "USA")));
		assertThat(groupsByState.get("TUR")).containsExactlyInAnyOrder("ASIA_PACIFIC", "WEOG");
		assertThat(members("AFRICAN", TODAY)).hasSize(54);
		assertThat(members("EASTERN_EUROPEAN", TODAY)).hasSize(23);
		assertThat(members("GRULAC", TODAY)).hasSize(33);
	}

	@Test
	void everyGroupingNamesItsSource() {
		assertThat(this.states.groupings()).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy((g) -> assertThat(g.source()).isNotBlank());
	}

	private List<String> members(String grouping, LocalDate on) {
		return this.states.membersOf(grouping, on)
			.stream()
			.filter((m) -> m.role().equals("MEMBER"))
			.map(Membership::iso3)
			.toList();
	}

}
