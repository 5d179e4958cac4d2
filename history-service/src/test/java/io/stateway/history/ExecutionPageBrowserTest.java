package io.stateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The execution pages in headless Chromium, over executions the orchestrator ran (and one it is
 * running): the graph coloured by what happened, the path taken, the details of a clicked state,
 * the timeline, live updates; screenshots under {@code target/browser/}.
 */
class ExecutionPageBrowserTest extends OrchestratorBackedTest {

    static final Path SCREENSHOTS = Path.of("target", "browser");

    static Chromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> binary = Chromium.binary();
        assumeTrue(
                binary.isPresent(),
                "Chromium is not installed (Debian: apt-get install chromium; or set CHROMIUM_BIN): the browser"
                        + " test of the execution page is skipped");
        browser = Chromium.start(binary.get(), 1500, 1100);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void page_failedExecution_drawsTheFailedStateRedAndShowsItsCauseWhenClicked() throws Exception {
        String arn = SampleExecutions.declined(orchestrator);

        browser.open(pageUrl(arn));

        assertThat(status("Reserve")).isEqualTo("succeeded");
        assertThat(status("Charge")).isEqualTo("failed");
        assertThat(status("Notify")).isEqualTo("notreached");
        assertThat(browser.evaluate(
                                "getComputedStyle(document.querySelector('.node[data-name=\"Charge\"] rect.box')).stroke")
                        .asString())
                .isEqualTo("rgb(217, 48, 37)");
        assertThat(taken("^start>Reserve")).isTrue();
        assertThat(taken("Reserve>Charge")).isTrue();
        assertThat(taken("Charge>Notify")).isFalse();
        assertThat(browser.evaluate("document.getElementById('status').textContent")
                        .asString())
                .isEqualTo("FAILED");
        assertThat(browser.evaluate("document.getElementById('failure').textContent")
                        .asString())
                .contains("PaymentDeclined", "Card expired");

        browser.click(".node[data-name=\"Charge\"]");
        browser.waitUntil("document.getElementById('details').textContent.includes('Card expired')");
        String details = browser.evaluate("document.getElementById('details').textContent")
                .asString();
        assertThat(details).contains("Charge", "Failed", "PaymentDeclined");
        browser.waitUntil("document.querySelector('#details pre.input').textContent.includes('reserved')");

        browser.screenshot(SCREENSHOTS.resolve("failed-execution.png"));
    }

    @Test
    void page_orderExecution_marksTheVisitedPathRetriesCatchesAndDrawsTheTimeline() throws Exception {
        String arn = SampleExecutions.order(orchestrator);

        browser.open(pageUrl(arn));

        assertThat(status("Receive")).isEqualTo("succeeded");
        assertThat(status("Validate")).isEqualTo("retried");
        assertThat(status("Prepare")).isEqualTo("succeeded");
        assertThat(status("Confirm")).isEqualTo("succeeded");
        assertThat(status("Ship")).isEqualTo("caught");
        assertThat(status("Backorder")).isEqualTo("succeeded");
        assertThat(status("Rejected")).isEqualTo("notreached");
        assertThat(taken("Decide>Done")).isTrue();
        assertThat(taken("Decide>Rejected")).isFalse();
        assertThat(taken("Ship>Backorder")).isTrue();
        assertThat(taken("Done>^end")).isTrue();
        assertThat(browser.evaluate("document.querySelectorAll('.terminal.reached').length")
                        .asInt())
                .isEqualTo(2);
        assertThat(browser.evaluate(
                                "[...document.querySelectorAll('.gantt .row')].map(r => r.dataset.name).filter(Boolean)")
                        .toString())
                .contains("Receive", "Validate", "Price", "Confirm", "Ship", "Backorder", "Done");
        assertThat(browser.evaluate("document.querySelectorAll('.gantt .bar.attempt').length")
                        .asInt())
                .isEqualTo(2);

        browser.click(".gantt .row[data-name=\"Validate\"]");
        browser.waitUntil("document.getElementById('details').textContent.includes('Flaky')");

        browser.screenshot(SCREENSHOTS.resolve("execution-page.png"));
    }

    @Test
    void page_runningExecution_followsItLiveUntilItSucceeds() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("page-loop", "gated-loop", "page-live-1", "{}");
        try {
            browser.open(pageUrl(arn));
            browser.waitUntil("document.querySelector('.node[data-name=\"Step\"]').dataset.status === 'running'");
            assertThat(browser.evaluate("document.getElementById('live').classList.contains('on')")
                            .asBoolean())
                    .isTrue();
            assertThat(status("Finished")).isEqualTo("notreached");

            gate.open(1);
            browser.waitUntil("document.querySelector('.node[data-name=\"More\"]').dataset.status === 'succeeded'"
                    + " && document.querySelector('.node[data-name=\"Step\"]').dataset.status === 'running'");
            assertThat(taken("More>Step")).isTrue();

            gate.open(0);
            browser.waitUntil("document.getElementById('status').textContent === 'SUCCEEDED'");
            browser.waitUntil("document.querySelector('.node[data-name=\"Finished\"]').dataset.status === 'succeeded'");
            assertThat(status("Step")).isEqualTo("succeeded");
            assertThat(taken("More>Finished")).isTrue();
            assertThat(browser.evaluate("document.getElementById('live').classList.contains('on')")
                            .asBoolean())
                    .isFalse();
            browser.screenshot(SCREENSHOTS.resolve("live-execution.png"));
        } finally {
            gate.open(0);
        }
    }

    @Test
    void listPage_stateMachine_listsItsExecutionsWithCountsAndLinksToThem() throws Exception {
        String arn = SampleExecutions.declined(orchestrator);

        browser.open("http://localhost:" + port + "/ui/executions?stateMachineArn="
                + encoded(Orchestrator.stateMachineArn("payments")));
        browser.waitUntil("document.querySelectorAll('#rows tr[data-status]').length > 0");

        assertThat(browser.evaluate("document.getElementById('rows').textContent")
                        .asString())
                .contains("payment-1");
        assertThat(browser.evaluate("document.getElementById('counts').textContent")
                        .asString())
                .contains("FAILED 1");
        assertThat(browser.evaluate("document.querySelector('#rows a').getAttribute('href')")
                        .asString())
                .isEqualTo("/ui/executions/" + encoded(arn).replace("+", "%20"));
        browser.screenshot(SCREENSHOTS.resolve("execution-list.png"));
    }

    private String pageUrl(String arn) {
        return "http://localhost:" + port + "/ui/executions/" + encoded(arn);
    }

    private static String status(String state) throws Exception {
        return browser.evaluate("document.querySelector('.node[data-name=\"" + state + "\"]').dataset.status")
                .asString();
    }

    private static boolean taken(String key) throws Exception {
        return browser.evaluate("document.querySelector('.edge[data-key=\"" + key + "\"]').classList.contains('taken')")
                .asBoolean();
    }
}
