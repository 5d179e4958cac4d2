package io.stateway.gateway.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VtlEngineTest {

    private final VtlEngine engine = new VtlEngine(RenderLimits.DEFAULT);

    @Test
    void inputPath_objectAndArray_renderAsAwsDoes() {
        String body = "{\"json\": {\"foo\": [{\"nested\": \"bar\"}], \"n\": 1}}";

        assertThat(render("#set($r = $input.path('$.json'))$r", body, Map.of()))
                .isEqualTo("{foo=[{\"nested\":\"bar\"}], n=1}");
        assertThat(render("$input.path('$.json.foo')", body, Map.of())).isEqualTo("[{\"nested\":\"bar\"}]");
        assertThat(render("$input.json('$.json')", body, Map.of()))
                .isEqualTo("{\"foo\":[{\"nested\":\"bar\"}],\"n\":1}");
    }

    @Test
    void inputBody_empty_isAnEmptyObject() {
        assertThat(render("Action=SendMessage&MessageBody=$input.body", "", Map.of()))
                .isEqualTo("Action=SendMessage&MessageBody={}");
    }

    @Test
    void nullReference_rendersNothing() {
        assertThat(render("{ \"version\": \"$stageVariables.version\" }", "", Map.of()))
                .isEqualTo("{ \"version\": \"\" }");
        assertThat(render("#set($result = $input.body.testAccess)$result", "{\"testAccess\": 1}", Map.of()))
                .isEmpty();
        assertThat(render("EncodedBodyAccess=$util.urlEncode($input.body.testAccess)", "x", Map.of()))
                .isEqualTo("EncodedBodyAccess=");
    }

    @Test
    void util_functions_behaveAsDocumented() {
        assertThat(render("$util.urlEncode($input.body)", "{\"some\": \"value\"}", Map.of()))
                .isEqualTo("%7B%22some%22%3A+%22value%22%7D");
        assertThat(render("$util.escapeJavaScript(\"it's\")", "", Map.of())).isEqualTo("it\\'s");
        assertThat(render(
                        "#set($b = $util.parseJson($util.base64Decode('eyJtZXNzYWdlIjogInBhdGgxIn0=')))$b.message",
                        "",
                        Map.of()))
                .isEqualTo("path1");
    }

    @Test
    void mapWrites_allForms_reachTheMap() {
        Map<String, Object> requestOverride = new LinkedHashMap<>();
        requestOverride.put("querystring", new LinkedHashMap<String, Object>());
        Map<String, Object> context = new HashMap<>();
        context.put("requestOverride", requestOverride);

        render("""
                #set($k = "foo")
                #set($context.requestOverride.querystring[$k] = "bar")
                $context.requestOverride.querystring.put("putfoo", "putBar")
                #set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")""", "", Map.of("context", context));

        @SuppressWarnings("unchecked") // written above as a map of strings
        Map<String, Object> querystring = (Map<String, Object>) requestOverride.get("querystring");
        assertThat(querystring)
                .containsEntry("foo", "bar")
                .containsEntry("putfoo", "putBar")
                .containsEntry("nestedfoo", "nestedFoo");
    }

    @Test
    void sandbox_classAccess_rendersNothing() {
        assertThat(render(
                        "$input.getClass()|$input.class|$util.getClass().forName('java.lang.Runtime')|#set($s = 'x')$s.getClass()",
                        "",
                        Map.of()))
                .isEqualTo("|||");
        assertThat(render("#set($m = {})$m.class|$m.getClass()", "", Map.of())).isEqualTo("|");
        assertThat(render("#parse('/etc/passwd')#include('/etc/passwd')", "", Map.of()))
                .doesNotContain("root:");
    }

    @Test
    void limits_loopsOutputAndTime_areCapped() {
        VtlEngine small = new VtlEngine(new RenderLimits(3, 20, Duration.ofMillis(200)));
        assertThat(small.compile("#foreach($i in [1..10])$i#end").render(Map.of()))
                .isEqualTo("123");
        assertThatThrownBy(() ->
                        small.compile("#foreach($i in [1..3])0123456789#end").render(Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("exceeds 20 characters");
        VtlEngine slow = new VtlEngine(new RenderLimits(1000, 1000, Duration.ofMillis(50)));
        assertThatThrownBy(() -> slow.compile(
                                "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end")
                        .render(Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("ran longer than 50 ms");
    }

    @Test
    void compile_syntaxError_namesTheLine() {
        assertThat(engine.problem("ok\n#if($x"))
                .hasValueSatisfying(p -> assertThat(p).contains("line 2"));
    }

    private String render(String template, String body, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put(
                "input",
                new InputVariable(body, Map.of("path", Map.of(), "querystring", Map.of(), "header", Map.of())));
        variables.put("util", UtilVariable.INSTANCE);
        variables.putIfAbsent("stageVariables", Map.of());
        return engine.compile(template).render(variables);
    }
}
