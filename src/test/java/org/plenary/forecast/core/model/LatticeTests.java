package org.plenary.forecast.core.model;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenary.forecast.core.ideal.Normal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LatticeTests {

	@Test
	void theNormalQuantileInvertsTheDistributionFunction() {
		// above 5.5 the distribution function is within 2e-8 of one: doubles cannot say
		// more
		for (double x = -7; x <= 5.5; x += 0.01) {
			assertThat(Lattice.normalQuantile(Normal.cdf(x))).as("x = %f", x).isCloseTo(x, within(1e-6));
		}
		assertThat(Lattice.normalQuantile(0.5)).isCloseTo(0, within(1e-9));
		assertThat(Lattice.normalQuantile(0.975)).isCloseTo(1.959963985, within(1e-8));
		assertThatIllegalArgumentException().isThrownBy(() -> Lattice.normalQuantile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> Lattice.normalQuantile(1));
	}

	@ParameterizedTest
	@ValueSource(ints = { 3, 7, 13, 21, 34, 55, 60, 89 })
	void eachCoordinateOfTheLatticeVisitsEveryStratumOnce(int n) {
		int g = Lattice.generator(n);
		assertThat(g).isBetween(1, n - 1);
		int[] second = new int[n];
		for (int i = 0; i < n; i++) {
			second[i] = (int) ((long) i * g % n);
		}
		Arrays.sort(second);
		for (int i = 0; i < n; i++) {
			assertThat(second[i]).isEqualTo(i);
		}
	}

	@Test
	void fibonacciNumbersGetTheFibonacciGenerator() {
		assertThat(Lattice.generator(21)).isEqualTo(13);
		assertThat(Lattice.generator(55)).isEqualTo(34);
	}

}
