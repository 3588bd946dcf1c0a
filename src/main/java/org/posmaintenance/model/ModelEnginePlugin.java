package org.posmaintenance.model;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link DeploymentGuard} before and the {@link DeploymentJournal} after the engine's deployers,
 * so that every deployment is checked and every accepted one recorded, and deploys this release's models
 * once the engine is built ({@link ModelResources}; the starter's own auto-deployment is off).
 */
@Component
class ModelEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext application;
    private final DeploymentJournal journal;

    ModelEnginePlugin(ApplicationContext application, DeploymentJournal journal) {
        this.application = application;
        this.journal = journal;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        // an identifier that names a bean would read the application's object: the guard refuses it
        configuration.getCustomPreDeployers().add(new DeploymentGuard(application::containsBean));
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(journal);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ModelResources.deploy(engine.getRepositoryService(), ModelResources.load(application.getClassLoader()));
    }
}
