package io.stateway.gateway.vtl;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * The only resource loader: finds nothing. Velocity's default loader reads files relative to the working
 * directory, which {@code #parse} and {@code #include} would expose to template authors.
 */
public final class NoTemplateFiles extends ResourceLoader {

    @Override
    public void init(ExtProperties configuration) {}

    @Override
    public Reader getResourceReader(String source, String encoding) {
        throw new ResourceNotFoundException("Mapping templates cannot include other resources: " + source);
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
