package org.tickerdesk.cluster.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;

/** The cluster as the API and the readiness check write it. */
public final class ClusterJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ClusterJson() {}

    public static JsonObject of(ClusterView view) {
        JsonArrayBuilder members = JSON.createArrayBuilder();
        view.members().forEach(m -> members.add(member(m)));
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("clustered", view.clustered())
                        .add("leading", view.leading());
        view.leader().ifPresent(leader -> json.add("leader", member(leader)));
        if (view.since() != null) {
            json.add("since", view.since().toString());
        }
        return json.add("members", members).build();
    }

    /** A member as one line: {@code address (uuid)}. */
    public static String shown(ClusterMember member) {
        return member.address() + " (" + member.uuid() + ")";
    }

    private static JsonObjectBuilder member(ClusterMember member) {
        return JSON.createObjectBuilder()
                .add("uuid", member.uuid())
                .add("address", member.address())
                .add("local", member.local())
                .add("leader", member.leader());
    }
}
