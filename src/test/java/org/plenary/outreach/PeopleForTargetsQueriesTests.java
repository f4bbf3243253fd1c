package org.plenary.outreach;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.plenary.accounts.Role;
import org.plenary.accounts.TestAccounts;
import org.plenary.campaigns.DecisionRule;
import org.plenary.campaigns.Member;
import org.plenary.campaigns.Campaigns;
import org.plenary.campaigns.TestCampaigns;
import org.plenary.forecast.TargetPeople;
import org.plenary.system.Acting;
import org.plenary.whip.Level;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targeting list asks the escalation ladder about its states all at once: the
 * statements sent to PostgreSQL are a handful, the same for 10 states as for 50. One
 * escalation decision per state made a dozen statements each. The statements are counted
 * on the real connections, on this thread alone.
 */
@SpringBootTest
@Import(PeopleForTargetsQueriesTests.CountedStatements.class)
class PeopleForTargetsQueriesTests {

	@Autowired
	TargetPeople targetPeople;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestCampaigns testCampaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOutreach outreach;

	@Test
	void theStatementsAreAHandfulWhateverTheNumberOfStates() {
		String organisation = this.accounts.organisation("Queries " + System.nanoTime());
		String whip = this.accounts.user(Role.WHIP, organisation);
		long id = this.testCampaigns
			.generalAssembly(DecisionRule.TWO_THIRDS, this.accounts.user(Role.COORDINATOR, organisation))
			.id();
		this.outreach.person(organisation, "PR " + System.nanoTime(), Level.PERMANENT_REPRESENTATIVE);
		List<String> states = this.campaigns.members(id).stream().map(Member::iso3).toList();
		int ten = statements(() -> Acting.asUser(whip, () -> this.targetPeople.people(id, states.subList(0, 10))));
		int fifty = statements(() -> Acting.asUser(whip, () -> this.targetPeople.people(id, states.subList(0, 50))));
		assertThat(ten).isLessThanOrEqualTo(20);
		assertThat(fifty).isEqualTo(ten);
		// each state has its suggestion: a first contact by the PR
		assertThat(Acting.asUser(whip, () -> this.targetPeople.people(id, states.subList(0, 50)))).hasSize(50);
	}

	private static int statements(Runnable work) {
		CountedStatements.COUNT.set(new int[1]);
		try {
			work.run();
			return CountedStatements.COUNT.get()[0];
		}
		finally {
			CountedStatements.COUNT.remove();
		}
	}

	/** Counts the statements each connection prepares, on a thread that asks for it. */
	@TestConfiguration
	static class CountedStatements {

		static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

		private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && "dataSource".equals(name)) ? counted(dataSource)
							: bean;
				}
			};
		}

		private static DataSource counted(DataSource target) {
			return new DelegatingDataSource(target) {

				@Override
				public Connection getConnection() throws SQLException {
					return count(super.getConnection());
				}

				@Override
				public Connection getConnection(String username, String password) throws SQLException {
					return count(super.getConnection(username, password));
				}

				/** The bean's destroy method: the pool's. */
				public void close() throws Exception {
					target.getClass().getMethod("close").invoke(target);
				}

			};
		}

		private static Connection count(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						int[] count = COUNT.get();
						if (count != null && STATEMENTS.contains(method.getName())) {
							count[0]++;
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
