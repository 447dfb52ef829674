/**
 * REST client for the escalation rules: the active policy, its saves and versions, the live tester
 * and the saved simulations. Errors are what apiFetch throws (`{ code, message, data }`).
 */
import apiFetch from '@wordpress/api-fetch';

import { getPage } from './paged';
import type {
	NewSimulation,
	Policy,
	PolicyErrors,
	RulesState,
	SavedRules,
	SaveRulesRequest,
	Simulation,
	SimulationChange,
	TestRequest,
	TestResult,
	VersionConflict,
	VersionDetail,
	VersionSummary,
} from '../types/rules';

const RULES = '/handoff-bot/v1/rules';

export function getRules(): Promise< RulesState > {
	return apiFetch< RulesState >( { path: RULES } );
}

export function saveRules( request: SaveRulesRequest ): Promise< SavedRules > {
	return apiFetch< SavedRules >( {
		path: RULES,
		method: 'PUT',
		data: request,
	} );
}

export function testRules( request: TestRequest ): Promise< TestResult > {
	return apiFetch< TestResult >( {
		path: `${ RULES }/test`,
		method: 'POST',
		data: request,
	} );
}

/**
 * One page of the version history, newest first, and how many versions there are.
 * @param page    Page number, from 1.
 * @param perPage Versions per page.
 */
export async function getVersions(
	page = 1,
	perPage = 20
): Promise< { versions: VersionSummary[]; total: number } > {
	const { items, total } = await getPage< VersionSummary >(
		`${ RULES }/versions?page=${ page }&per_page=${ perPage }`
	);
	return { versions: items, total: total > 0 ? total : items.length };
}

export function getVersion( version: number ): Promise< VersionDetail > {
	return apiFetch< VersionDetail >( {
		path: `${ RULES }/versions/${ version }`,
	} );
}

export function rollbackTo(
	version: number,
	note: string,
	baseVersion: number
): Promise< SavedRules > {
	return apiFetch< SavedRules >( {
		path: `${ RULES }/versions/${ version }/rollback`,
		method: 'POST',
		data: { note, base_version: baseVersion },
	} );
}

export function getSimulations(): Promise< Simulation[] > {
	return apiFetch< Simulation[] >( { path: `${ RULES }/simulations` } );
}

export function createSimulation(
	simulation: NewSimulation
): Promise< Simulation > {
	return apiFetch< Simulation >( {
		path: `${ RULES }/simulations`,
		method: 'POST',
		data: simulation,
	} );
}

export function deleteSimulation( id: number ): Promise< unknown > {
	return apiFetch( {
		path: `${ RULES }/simulations/${ id }`,
		method: 'DELETE',
	} );
}

/**
 * The saved simulation turns whose decision would change under the given (unsaved) policy.
 * @param policy The edited policy.
 */
export async function checkSimulations(
	policy: Policy
): Promise< SimulationChange[] > {
	const result = await apiFetch< { changes: SimulationChange[] } >( {
		path: `${ RULES }/simulations/check`,
		method: 'POST',
		data: { policy },
	} );
	return result.changes;
}

type Refusal = {
	code?: unknown;
	data?: { errors?: unknown } & Partial< VersionConflict >;
};

/**
 * What is wrong with each refused field of a `400 handoff_bot_invalid_policy`, by path
 * ("intents.2.name", "thresholds.intent", "note"); empty for any other error.
 * @param error What apiFetch threw.
 */
export function policyErrors( error: unknown ): PolicyErrors {
	const refusal = error as Refusal | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		refusal.code !== 'handoff_bot_invalid_policy' ||
		! refusal.data?.errors ||
		typeof refusal.data.errors !== 'object'
	) {
		return {};
	}
	const out: PolicyErrors = {};
	for ( const [ path, message ] of Object.entries( refusal.data.errors ) ) {
		out[ path ] = String( message );
	}
	return out;
}

/**
 * Who saved the rules first, when a save or rollback was refused with `409
 * handoff_bot_version_conflict`; null for any other error.
 * @param error What apiFetch threw.
 */
export function versionConflict( error: unknown ): VersionConflict | null {
	const refusal = error as Refusal | null;
	if (
		! refusal ||
		typeof refusal !== 'object' ||
		refusal.code !== 'handoff_bot_version_conflict'
	) {
		return null;
	}
	const data = refusal.data ?? {};
	return {
		status: Number( data.status ?? 409 ),
		current_version: Number( data.current_version ?? 0 ),
		author: data.author ?? null,
		updated_at: String( data.updated_at ?? '' ),
	};
}
