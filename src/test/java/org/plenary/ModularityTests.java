package org.plenary;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The modules depend on each other only through their published types, and never in a
 * cycle.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PlenaryApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void theForecastingCoreIsPlainJava() {
		// the forecast module arrives later; the rule holds from its first class on
		noClasses().that()
			.resideInAPackage("org.plenary.forecast.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.allowEmptyShould(true)
			.check(new ClassFileImporter().importPackages("org.plenary"));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
