/**
 * The state machine definition validator behind CreateStateMachine, UpdateStateMachine and
 * ValidateStateMachineDefinition.
 *
 * <p>{@link io.stateway.orchestrator.asl.validation.DefinitionValidator} takes the definition as
 * submitted text and the machine type and returns every problem at once as {@link
 * io.stateway.orchestrator.asl.validation.Finding}s (AWS's code, message, location, severity), plus
 * the two AWS renderings: the CreateStateMachine error and the ValidateStateMachineDefinition
 * response. Plain Java: no framework, no I/O, no exceptions for any input.
 *
 * <p>Messages recorded on AWS are reproduced exactly (required fields, unsupported fields, the
 * {@code Type} enum, empty values, RFC 3339 timestamps, payload-template paths, unrecognized
 * resources, EXPRESS restrictions, Credentials, the QueryLanguage downgrade, missing targets and
 * unreachable states, Map labels, JSON syntax errors). Where AWS's wording is not recorded the
 * class that emits the finding says so in its comment; codes and locations follow AWS's pattern.
 */
package io.stateway.orchestrator.asl.validation;
