package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same verification with pacts from a Pact Broker: runs only with {@code
 * -Dpactbroker.url=https://...} (plus {@code -Dpact.verifier.publishResults=true} to publish the
 * results, and the broker's auth properties).
 */
@Provider(Contract.PROVIDER)
@PactBroker
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class BrokerPactVerificationIT extends ProviderVerification {}
