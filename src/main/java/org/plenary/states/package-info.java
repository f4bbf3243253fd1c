/**
 * The register of states: the 193 UN member states, the two observer states, the former
 * members that appear in voting records since 1946 (with what succeeded them) and a few
 * non-member entities that belong to blocs. Also the five regional groups and the blocs,
 * as dated membership with the source of each list, and the
 * {@link org.plenary.states.StateNameResolver} that maps any name or code seen in UN data
 * to a state.
 * <p>
 * The register is reference data: it comes from the migrations in
 * {@code db/migration/states} and changes only with a new migration. Depends on
 * {@code system}. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member states")
package org.plenary.states;
