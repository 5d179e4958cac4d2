package io.stateway.gateway.vtl;

import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.exception.VelocityException;

/**
 * A compiled mapping template; renders concurrently. A template that does not compile can still be held:
 * API Gateway accepts such a template in a document and fails the requests that use it (500).
 */
public final class VtlTemplate {

    private final Template template;
    private final RenderLimits limits;
    private final String syntaxError;

    VtlTemplate(Template template, RenderLimits limits) {
        this.template = template;
        this.limits = limits;
        this.syntaxError = null;
    }

    private VtlTemplate(String syntaxError) {
        this.template = null;
        this.limits = null;
        this.syntaxError = syntaxError;
    }

    /** A template that failed to compile: rendering it fails with the syntax error. */
    static VtlTemplate broken(String syntaxError) {
        return new VtlTemplate(syntaxError);
    }

    /**
     * Renders with the given variables ({@code input}, {@code util}, {@code context}, {@code stageVariables}).
     *
     * @throws TemplateRenderException if a call fails or a limit is reached
     */
    public String render(Map<String, Object> variables) {
        if (template == null) {
            throw new TemplateRenderException("The mapping template does not compile: " + syntaxError, null);
        }
        Deadline deadline = new Deadline(limits.maxRenderTime());
        BoundedWriter out = new BoundedWriter(limits.maxOutputChars(), deadline);
        try {
            template.merge(new BoundedContext(variables, deadline), out);
        } catch (RenderLimitException e) {
            throw new TemplateRenderException(e.getMessage(), e);
        } catch (VelocityException | IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            throw new TemplateRenderException("The mapping template failed: " + rootMessage(e), e);
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root.getCause() instanceof RenderLimitException limit) {
                return limit.getMessage();
            }
            root = root.getCause();
        }
        return root.getMessage();
    }
}
