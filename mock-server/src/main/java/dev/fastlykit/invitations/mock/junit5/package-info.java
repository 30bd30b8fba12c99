/**
 * {@link dev.fastlykit.invitations.mock.junit5.MockFastlyExtension}: a mock server per test class,
 * reset before each test. Needs JUnit Jupiter on the test classpath, which a test using it has.
 */
package dev.fastlykit.invitations.mock.junit5;
