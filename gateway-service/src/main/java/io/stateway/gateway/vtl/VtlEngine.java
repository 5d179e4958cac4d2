package io.stateway.gateway.vtl;

import java.io.StringReader;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.velocity.Template;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Apache Velocity configured as API Gateway's mapping template language, sandboxed: no file access
 * ({@code #parse}/{@code #include} find nothing), only {@link SandboxUberspector}-approved calls,
 * macros local to their template, and the caps of {@link RenderLimits}. Settings follow Velocity 1.7,
 * the version API Gateway runs: whitespace, and {@code #if} true for empty strings.
 */
public final class VtlEngine {

    private final RuntimeInstance runtime = new RuntimeInstance();
    private final RenderLimits limits;
    private final AtomicLong names = new AtomicLong();

    public VtlEngine(RenderLimits limits) {
        this.limits = limits;
        Properties settings = new Properties();
        settings.setProperty("resource.loaders", "none");
        settings.setProperty("resource.loader.none.class", NoTemplateFiles.class.getName());
        settings.setProperty("introspector.uberspect.class", SandboxUberspector.class.getName());
        settings.setProperty("event_handler.reference_insertion.class", NullRendersEmpty.class.getName());
        settings.setProperty("directive.foreach.max_loops", Integer.toString(limits.maxLoopIterations()));
        settings.setProperty("directive.if.empty_check", "false");
        settings.setProperty("directive.parse.max_depth", "1");
        settings.setProperty("parser.space_gobbling", "bc");
        settings.setProperty("velocimacro.inline.local_scope", "true");
        settings.setProperty("velocimacro.max_depth", "10");
        settings.setProperty("runtime.log.log_invalid_references", "false");
        settings.setProperty("runtime.strict_mode.enable", "false");
        runtime.init(settings);
        runtime.removeDirective("include");
        runtime.removeDirective("parse");
    }

    /**
     * @throws TemplateSyntaxException with the line and column of the error
     */
    public VtlTemplate compile(String text) {
        Template template = new Template();
        template.setName("mapping-template-" + names.incrementAndGet());
        template.setRuntimeServices(runtime);
        try {
            SimpleNode node = runtime.parse(new StringReader(text), template);
            template.setData(node);
            template.initDocument();
        } catch (ParseException e) {
            String where = e.currentToken == null
                    ? ""
                    : " at line " + e.currentToken.next.beginLine + ", column " + e.currentToken.next.beginColumn;
            throw new TemplateSyntaxException("Syntax error" + where + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new TemplateSyntaxException(firstLine(e.getMessage()), e);
        }
        return new VtlTemplate(template, limits);
    }

    /** The compiled template, or one that fails every rendering with its syntax error. */
    public VtlTemplate compileOrBroken(String text) {
        try {
            return compile(text);
        } catch (TemplateSyntaxException e) {
            return VtlTemplate.broken(e.getMessage());
        }
    }

    /** Why the template does not compile, if it does not. */
    public Optional<String> problem(String text) {
        try {
            compile(text);
            return Optional.empty();
        } catch (TemplateSyntaxException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid template";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
