package org.posmaintenance.report;

import java.util.Map;

import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.posmaintenance.ticket.StaffTexts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /camunda/api/cockpit/plugin/pos-sla/{engine}/overview?days=30}: the {@link SlaOverview}, for a user logged
 * into Cockpit who is a manager, supervisor or administrator (403 for anybody else, 401 without a Cockpit login).
 */
@Path("plugin/" + CockpitSlaPlugin.ID)
public class CockpitSlaResource extends AbstractCockpitPluginRootResource {

    public CockpitSlaResource() {
        super(CockpitSlaPlugin.ID);
    }

    @GET
    @Path("{engine}/overview")
    @Produces(MediaType.APPLICATION_JSON)
    public Response overview(@PathParam("engine") String engine, @QueryParam("days") Integer days) {
        Authentications authentications = Authentications.getCurrent();
        Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engine);
        if (user == null) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", "Log into Cockpit first")).build();
        }
        SlaOverview overview = SlaOverview.current();
        if (!overview.mayRead(user.getIdentityId())) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("message", "The service-level view is for managers and supervisors")).build();
        }
        int period = days == null ? 30 : days;
        if (period < 1 || period > 366) {
            throw new InvalidRequestException(Response.Status.BAD_REQUEST, "Field 'days': must be a whole number from 1 to 366");
        }
        return Response.ok(overview.overview(period, StaffTexts.ofAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))))
                .build();
    }
}
