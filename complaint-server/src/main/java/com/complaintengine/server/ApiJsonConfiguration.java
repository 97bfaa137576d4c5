package com.complaintengine.server;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.GroupComplaintId;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** The HTTP API's Jackson 3 mapper writes typed ids as plain strings, as the event store does. */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

    @Bean
    JacksonModule typedIdModule() {
        SimpleModule module = new SimpleModule("typed-ids");
        typedId(module, ComplaintId.class, ComplaintId::of);
        typedId(module, GroupComplaintId.class, GroupComplaintId::of);
        return module;
    }

    private static <T> void typedId(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                return parse.apply(parser.getValueAsString());
            }
        });
    }
}
