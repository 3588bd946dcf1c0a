package org.posmaintenance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** Who gets into Camunda Cockpit, and what a manager sees there, in a real browser. */
class CockpitBrowserTest extends BrowserTestBase {

    private static final String PROCESS_NAME = "POS 终端售后维修";

    @Autowired
    private IdentityService identityService;

    @Test
    void aManagerSeesTheRunningTicketInCockpit() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        String ticketNumber = (String) variable(ticket, TICKET_NUMBER);
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId())
                .singleResult().getBusinessKey();
        assertThat(businessKey).as("business key").isEqualTo(ticketNumber);
        long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();

        logIn("cockpit", "mary", "mary-demo", "Mary Manager");

        // the process definitions list shows the process with its running instances
        driver().get(appUrl("cockpit") + "#/processes");
        By definitionRow = By.xpath("//table//tr[.//a[normalize-space(.)=" + xpathLiteral(PROCESS_NAME) + "]]");
        visible(definitionRow);
        waitUp().withMessage(PROCESS_NAME + " listed with " + running + " running instance(s)")
                .until(ExpectedConditions.textToBe(
                        new ByChained(definitionRow, By.cssSelector("td.instances")), String.valueOf(running)));
        click(new ByChained(definitionRow, By.xpath(".//a[normalize-space(.)=" + xpathLiteral(PROCESS_NAME) + "]")));

        // the definition's running instances include the ticket, by its business key
        By instanceRow = By.xpath("//table//tr[td[normalize-space(.)='" + businessKey + "']]");
        assertThat(text(visible(instanceRow))).contains(ticket.getId());
        click(new ByChained(instanceRow, By.xpath(".//a[normalize-space(.)='" + ticket.getId() + "']")));

        // the instance page shows its business key and the ticket number variable
        showsText(By.cssSelector("dd.instance-id"), ticket.getId());
        showsText(By.cssSelector("dd.business-key"), businessKey);
        showsText(By.cssSelector("dd.definition-name"), PROCESS_NAME);
        showsText(By.xpath("//tr[td[contains(@class, 'col-name')][normalize-space(.)='" + TICKET_NUMBER
                + "']]/td[contains(@class, 'col-value')]"), ticketNumber);
    }

    @Test
    void aTechnicianCannotLogIntoCockpit() {
        assertThat(identityService.checkPassword("tom", "tom-demo")).as("tom's password is right").isTrue();

        submitLogin("cockpit", "tom", "tom-demo");

        WebElement alert = visible(By.cssSelector(".notifications .alert-danger"));
        assertThat(text(alert)).contains("Login Failed",
                "Wrong credentials, locked user or missing access rights to application");
        assertThat(visible(By.cssSelector("form input[type=password]")).isDisplayed()).as("still at the login form").isTrue();
        assertThat(all(By.cssSelector("li.account"))).as("nobody logged in").isEmpty();
        assertThat(driver().getCurrentUrl()).contains("#/login");
    }

    private void showsText(By locator, String expected) {
        waitUp().withMessage(locator + " shows '" + expected + "'").until(ExpectedConditions.textToBe(locator, expected));
    }
}
