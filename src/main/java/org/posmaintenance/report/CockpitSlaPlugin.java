package org.posmaintenance.report;

import java.util.Set;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' service-level view on Cockpit's dashboard, by Camunda's plugin API: the resource
 * {@link CockpitSlaResource} and the script {@code plugin-webapp/pos-sla/app/plugin.js}; found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class CockpitSlaPlugin extends AbstractCockpitPlugin {

    public static final String ID = "pos-sla";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(CockpitSlaResource.class);
    }
}
