package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Which variables a Camunda Form writes: what form-js submits (plain unit tests, no engine). */
class FormFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFieldsAreTheKeysOfTheInputsAlsoInsideGroups() throws IOException {
        assertThat(FormFields.fields(JSON.readTree("""
                {"id": "f", "components": [
                  {"type": "text", "text": "Ticket {{ticketNumber}}"},
                  {"type": "textfield", "key": "a"},
                  {"type": "group", "components": [
                    {"type": "number", "key": "b"},
                    {"type": "group", "components": [{"type": "checkbox", "key": "c"}]}]},
                  {"type": "datetime", "key": "d", "readonly": true},
                  {"type": "taglist", "key": "e", "conditional": {"hide": "=a = \\"x\\""}},
                  {"type": "expression", "key": "f", "expression": "=a"},
                  {"type": "button", "key": "submit", "action": "submit"},
                  {"type": "spacer"}, {"type": "separator"}
                ]}"""))).containsExactly("a", "b", "c", "d", "e", "f");
    }

    @Test
    void aPathIsOneVariableHoldingItsComponents() throws IOException {
        assertThat(FormFields.fields(JSON.readTree("""
                {"components": [
                  {"type": "textfield", "key": "address.street"},
                  {"type": "textfield", "key": "address.city"},
                  {"type": "group", "path": "visit.details", "components": [{"type": "textfield", "key": "room"}]},
                  {"type": "dynamiclist", "path": "parts", "components": [{"type": "textfield", "key": "code"}]}
                ]}"""))).containsExactly("address", "visit", "parts");
    }

    @Test
    void disabledComponentsAreNotSubmittedSoTheyAreNoFields() throws IOException {
        assertThat(FormFields.fields(JSON.readTree("""
                {"components": [
                  {"type": "textfield", "key": "merchantName", "disabled": true},
                  {"type": "textarea", "key": "notes"}
                ]}"""))).containsExactly("notes");
    }

    @Test
    void theProjectsFormsWriteWhatTheirListenersRead() throws IOException {
        assertThat(FormFields.fields(JSON.readTree(Files.readString(Path.of("forms/answer-survey.form")))))
                .containsExactly("surveyScore", "surveyComment");
        assertThat(FormFields.fields(JSON.readTree(Files.readString(Path.of("forms/confirm-diagnosis.form")))))
                .containsExactlyInAnyOrder("severity", "repairChannel", "merchantCausedDamage", "diagnosisNotes");
        assertThat(FormFields.fields(JSON.readTree(Files.readString(Path.of("forms/report-fault.form")))))
                .containsExactlyInAnyOrder("reportChannel", "merchantId", "contactPhone", "terminalSerial", "faultCategory",
                        "paymentsBlocked", "faultDescription");
    }
}
