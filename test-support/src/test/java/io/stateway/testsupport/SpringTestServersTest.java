package io.stateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(SpringTestServersTest.Empty.class)
@SpringTestServers(redis = true, redisKeyPrefixProperty = "test.redis-prefix")
@TestPropertySource(properties = "spring.datasource.username=chosen_by_the_test")
class SpringTestServersTest {

    @Autowired
    Environment environment;

    @Test
    void environment_datasourceAndRedis_pointAtThisClassesServers(TestDatabase database, TestRedis redis) {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(database.password());
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo(redis.url());
        assertThat(environment.getProperty("test.redis-prefix")).isEqualTo(redis.keyPrefix());
    }

    @Test
    void environment_propertyOfTheTestItself_winsOverTestServers() {
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("chosen_by_the_test");
    }

    @Configuration
    static class Empty {}
}
