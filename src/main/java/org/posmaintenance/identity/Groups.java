package org.posmaintenance.identity;

import java.util.List;

/** The groups of people who work tickets; BPMN candidate groups use these ids. */
public final class Groups {

    public static final String HOTLINE = "hotline";
    public static final String TECHNICIANS = "technicians";
    public static final String REPAIR_CENTRE = "repaircentre";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    /** Created by the Camunda starter together with the admin user; holds every permission. */
    public static final String ADMINS = "camunda-admin";

    /** The groups whose members work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(HOTLINE, TECHNICIANS, REPAIR_CENTRE, SUPERVISORS, MANAGERS);

    private Groups() {
    }
}
