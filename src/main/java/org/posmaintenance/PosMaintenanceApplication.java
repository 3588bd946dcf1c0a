package org.posmaintenance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The after-sales maintenance process application for merchants' POS terminals. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PosMaintenanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PosMaintenanceApplication.class, args);
    }
}
