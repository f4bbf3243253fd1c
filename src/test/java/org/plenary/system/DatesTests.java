package org.plenary.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

	private final Dates dates = new Dates(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void aDateOfThisYearHasNoYearAndAnyOtherHasIt() {
		assertThat(this.dates.day(LocalDate.of(2026, 10, 3))).isEqualTo("3 Oct");
		assertThat(this.dates.day(LocalDate.of(2022, 10, 12))).isEqualTo("12 Oct 2022");
		assertThat(this.dates.day(LocalDate.of(2027, 1, 2))).isEqualTo("2 Jan 2027");
		assertThat(this.dates.weekday(LocalDate.of(2022, 10, 12))).isEqualTo("Wed 12 Oct 2022");
		assertThat(this.dates.weekday(LocalDate.of(2026, 12, 8))).isEqualTo("Tue 8 Dec");
		assertThat(this.dates.moment(Instant.parse("2022-10-12T14:05:09Z"))).isEqualTo("12 Oct 2022 14:05");
		assertThat(this.dates.moment(Instant.parse("2026-01-01T00:30:00Z"))).isEqualTo("1 Jan 00:30");
		// the day of an instant is the UTC day, whatever the JVM's zone
		assertThat(this.dates.day(Instant.parse("2025-12-31T23:30:00Z"))).isEqualTo("31 Dec 2025");
		assertThat(this.dates.day((LocalDate) null)).isEmpty();
		assertThat(this.dates.moment(null)).isEmpty();
		// against another day than today: the escalation rules' "now"
		assertThat(Dates.dayOf(LocalDate.of(2030, 11, 12), LocalDate.of(2030, 11, 20))).isEqualTo("12 Nov");
		assertThat(Dates.dayOf(LocalDate.of(2029, 12, 30), LocalDate.of(2030, 1, 4))).isEqualTo("30 Dec 2029");
	}

}
