package org.tickerdesk.testing.container;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link SharedPayaraMicro} in the place of the container Payara's connector registers. */
public final class ContainerTestsExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(
                DeployableContainer.class,
                PayaraMicroDeployableContainer.class,
                SharedPayaraMicro.class);
    }
}
