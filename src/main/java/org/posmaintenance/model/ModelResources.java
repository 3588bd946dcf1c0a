package org.posmaintenance.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models of this release, {@code processes/} and {@code forms/} (on the class path under
 * {@code models/}), and their deployment at start-up as one unit: if any of them differs from what the
 * application deployed last, all of them are deployed together, so that every process version finds
 * its forms (bound to the deployment) and decision tables in its own deployment; if none differs,
 * nothing is deployed. Resources are named by file name, the same whether the application runs from
 * the jar or from the build's folders, and the same as {@code scripts/deploy-models.sh} names them.
 */
public final class ModelResources {

    /** The name of every deployment of the models, at start-up and by the deploy script. */
    public static final String DEPLOYMENT_NAME = "pos-maintenance-models";
    /** The source of the deployments the application makes at start-up (the deploy script has its own). */
    public static final String STARTUP_SOURCE = "application start-up";
    static final String LOCATION = "classpath:models/";
    static final String[] SUFFIXES = {"bpmn", "dmn", "form"};

    private static final Logger LOG = LoggerFactory.getLogger(ModelResources.class);

    private ModelResources() {
    }

    /** The models of this release, by file name. */
    public static Map<String, byte[]> load(ClassLoader classLoader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        Map<String, byte[]> models = new TreeMap<>();
        try {
            for (String suffix : SUFFIXES) {
                for (Resource resource : resolver.getResources(LOCATION + "*." + suffix)) {
                    try (var in = resource.getInputStream()) {
                        if (models.put(resource.getFilename(), in.readAllBytes()) != null) {
                            throw new IllegalStateException("Two models named " + resource.getFilename() + " in " + LOCATION);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models in " + LOCATION, e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("No models in " + LOCATION);
        }
        return models;
    }

    /** Deploys the models as one unit, unless the last start-up deployment holds exactly these. */
    public static void deploy(RepositoryService repository, Map<String, byte[]> models) {
        var deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(STARTUP_SOURCE)
                // with filtering: nothing when nothing changed; all resources when any one changed
                .enableDuplicateFiltering(false);
        models.forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        if (deployed.getDeployedProcessDefinitions() == null && deployed.getDeployedDecisionDefinitions() == null) {
            LOG.info("Models unchanged since deployment {}: nothing deployed", deployed.getId());
        } else {
            LOG.info("Deployed {} models as deployment {}", models.size(), deployed.getId());
        }
    }
}
