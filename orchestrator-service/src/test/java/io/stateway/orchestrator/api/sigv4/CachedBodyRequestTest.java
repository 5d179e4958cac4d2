package io.stateway.orchestrator.api.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CachedBodyRequestTest {

    @Test
    void readListener_isToldTheWholeBodyIsAvailable_thenAllRead() throws IOException {
        byte[] body = "{\"stateMachineArn\":\"arn\"}".getBytes(StandardCharsets.UTF_8);
        ServletInputStream in = new CachedBodyRequest(new MockHttpServletRequest(), body).getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        List<String> calls = new ArrayList<>();

        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                calls.add("available");
                byte[] buffer = new byte[8];
                while (in.isReady() && !in.isFinished()) {
                    int n = in.read(buffer, 0, buffer.length);
                    read.write(buffer, 0, n);
                }
            }

            @Override
            public void onAllDataRead() {
                calls.add("all read");
            }

            @Override
            public void onError(Throwable t) {
                calls.add("error " + t);
            }
        });

        assertThat(calls).containsExactly("available", "all read");
        assertThat(read.toByteArray()).isEqualTo(body);
    }
}
