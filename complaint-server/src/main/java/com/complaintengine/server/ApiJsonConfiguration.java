package com.complaintengine.server;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.GroupComplaintId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** The HTTP API's Jackson 3 mapper writes typed ids as plain strings, as the event store does. */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

    @Bean
    JacksonModule complaintIdModule() {
        return new SimpleModule("complaint-ids")
                .addSerializer(ComplaintId.class, new ValueSerializer<>() {
                    @Override
                    public void serialize(ComplaintId id, JsonGenerator gen, SerializationContext context) {
                        gen.writeString(id.value());
                    }
                })
                .addDeserializer(ComplaintId.class, new ValueDeserializer<>() {
                    @Override
                    public ComplaintId deserialize(JsonParser parser, DeserializationContext context) {
                        return ComplaintId.of(parser.getValueAsString());
                    }
                })
                .addSerializer(GroupComplaintId.class, new ValueSerializer<>() {
                    @Override
                    public void serialize(GroupComplaintId id, JsonGenerator gen, SerializationContext context) {
                        gen.writeString(id.value());
                    }
                });
    }
}
