package dev.fastlykit.invitations.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The mock server honours every interaction the SDK's consumer tests wrote, and each answer it
 * gives conforms to the spec (checked after every interaction by {@link ProviderVerification}).
 */
@Provider(Contract.PROVIDER)
@PactFolder("target/pacts")
class MockServerPactVerificationIT extends ProviderVerification {}
